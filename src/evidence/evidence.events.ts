import type { Bilingual } from '../core/errors.js';
import type { Event } from '../core/messages.js';
import { eventTypes, streamName } from '../core/messages.js';

/**
 * Evidence (印证资料, seed 004 §三.1): files that back the facts other features record, kept once by their
 * content (sha256) and filed against a subject of any feature. Other features read these events (or the
 * evidence read door) to know what is on file, e.g. the pairing's year-end summary due 30 November (C2).
 */

/** What a file is filed against: a thing of any feature (`{ feature: 'pairing', kind: 'pairing', id }`). */
export interface EvidenceSubject {
  feature: string;
  kind: string;
  id: string;
}

/**
 * Categories a file is filed under. The five norms (五个规范, domain.md §8; Pucheng files its records by them; the
 * list is configurable data in the evidence feature) plus the summaries the campaign asks for.
 */
export const EVIDENCE_CATEGORY_YEAR_END_SUMMARY = 'year-end-summary';
export const EVIDENCE_CATEGORY_STAGE_SUMMARY = 'stage-summary';

export type EvidenceFiled = Event<
  'EvidenceFiled',
  {
    evidenceId: string;
    sha256: string;
    size: number;
    /** The file's name as uploaded (UTF-8), shown and offered on download; never used as a path. */
    name: string;
    mime: string;
    subject: EvidenceSubject;
    /** The organisation whose archive holds it (the 'ready for inspection' view is by organisation and year). */
    orgId: string | null;
    year: number;
    category: string;
    title: string | null;
  }
>;

export type EvidenceWithdrawn = Event<'EvidenceWithdrawn', { evidenceId: string; reason: string }>;

export type EvidenceEvent = EvidenceFiled | EvidenceWithdrawn;

export const EVIDENCE_EVENT_TYPES = eventTypes<EvidenceEvent['type']>({ EvidenceFiled: true, EvidenceWithdrawn: true });

export const EVIDENCE_EVENT_LABELS: Record<EvidenceEvent['type'], Bilingual> = {
  EvidenceFiled: { zh: '归档印证资料', en: 'Evidence filed' },
  EvidenceWithdrawn: { zh: '撤回印证资料', en: 'Evidence withdrawn' },
};

export const evidenceStream = (evidenceId: string) => streamName('evidence', evidenceId);
