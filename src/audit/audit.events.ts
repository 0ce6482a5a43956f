import type { Bilingual } from '../core/errors.js';
import { eventTypes, streamName, type Event } from '../core/messages.js';
import { shanghaiDate } from '../core/time/local-date.js';

/** What an auditor looked at: a unit's page, its timeline, a score at a point, a diff, an export. */
export type AuditView = 'unit' | 'timeline' | 'score' | 'diff' | 'export';

/**
 * Someone read an audit endpoint: who (the envelope's actor), when (record time), what (the view, the
 * unit and the query as sent). Its `metadata.unitIds` stay empty: the read is about the unit but is not
 * part of its history, and a timeline that grew with every look at it could never be paged.
 */
export type AuditViewed = Event<
  'AuditViewed',
  { view: AuditView; unitId: string; year: number | null; query: Record<string, string> }
>;
export type AuditEvent = AuditViewed;

export const AUDIT_EVENT_TYPES = eventTypes<AuditEvent['type']>({ AuditViewed: true });

/** Each event type in words, as the activity log and the admin show it (choices.event.<Type>). */
export const AUDIT_EVENT_LABELS: Record<AuditEvent['type'], Bilingual> = {
  AuditViewed: { zh: '查阅审计记录', en: 'Audit records viewed' },
};

export const AUDIT_VIEW_LABELS: Record<AuditView, Bilingual> = {
  unit: { zh: '单位审计页', en: 'Unit audit page' },
  timeline: { zh: '时间线', en: 'Timeline' },
  score: { zh: '某时点得分', en: 'Score at a point' },
  diff: { zh: '两时点对比', en: 'Diff of two points' },
  export: { zh: '导出审计材料', en: 'Audit export' },
};

/**
 * One stream per month of reads (`auditReads-2026-11`, the Asia/Shanghai month of the read): events, not
 * a table, because an append-only, hash-chained record of who looked is the simplest to trust, and
 * events are never deleted, so the reads are kept as long as the log (at least the six months asked).
 * A month's stream keeps each stream short enough to read and verify at once.
 */
export const auditReadsStream = (recordedAt: string): string =>
  streamName('auditReads', shanghaiDate(recordedAt).slice(0, 7));
