import type { Bilingual } from '../../core/errors.js';
import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import {
  categoryLabel,
  EVIDENCE_CATEGORIES,
  PROFILE_LABELS,
  REQUIRED_BY_PROFILE,
  type ArchiveProfile,
  type Half,
} from '../evidence-categories.js';
import { EVIDENCE_FILES, EVIDENCE_ORG_UNITS, EVIDENCE_ORGS } from './evidence-files.projection.js';

/** One file as the archive shows it. */
export interface EvidenceRow {
  id: string;
  sha256: string;
  size: number;
  name: string;
  mime: string;
  subject: { feature: string; kind: string; id: string };
  orgId: string | null;
  orgName: string | null;
  year: number;
  category: string;
  title: string | null;
  /** The document's business date (Asia/Shanghai). */
  on: string;
  /** For a stage summary: the half-year it covers. */
  half: Half | null;
  status: 'filed' | 'withdrawn';
  filedBy: string;
  filedAt: string;
  /** The EvidenceFiled event: what an assessment cites. */
  eventId: string;
  withdrawn: { reason: string; by: string; at: string; eventId: string } | null;
}

interface Raw {
  id: string;
  sha256: string;
  size: number;
  name: string;
  mime: string;
  subjectFeature: string;
  subjectKind: string;
  subjectId: string;
  orgId: string | null;
  orgName: string | null;
  year: number;
  category: string;
  title: string | null;
  on: string;
  half: string;
  status: 'filed' | 'withdrawn';
  filedBy: string;
  filedAt: string;
  eventId: string;
  withdrawnReason: string | null;
  withdrawnBy: string | null;
  withdrawnAt: string | null;
  withdrawnEventId: string | null;
}

const COLUMNS = `f.id, f.sha256, f.size, f.name, f.mime, f.subject_feature AS subjectFeature,
  f.subject_kind AS subjectKind, f.subject_id AS subjectId, f.org_id AS orgId, o.name AS orgName, f.year, f.category,
  f.title, f.on_date AS "on", f.half, f.status, f.filed_by AS filedBy, f.filed_at AS filedAt, f.event_id AS eventId,
  f.withdrawn_reason AS withdrawnReason, f.withdrawn_by AS withdrawnBy, f.withdrawn_at AS withdrawnAt,
  f.withdrawn_event_id AS withdrawnEventId`;
const FROM = `${EVIDENCE_FILES} f LEFT JOIN ${EVIDENCE_ORGS} o ON o.id = f.org_id`;

const toRow = (r: Raw): EvidenceRow => ({
  id: r.id,
  sha256: r.sha256,
  size: r.size,
  name: r.name,
  mime: r.mime,
  subject: { feature: r.subjectFeature, kind: r.subjectKind, id: r.subjectId },
  orgId: r.orgId,
  orgName: r.orgName,
  year: r.year,
  category: r.category,
  title: r.title,
  on: r.on,
  half: (r.half || null) as Half | null,
  status: r.status,
  filedBy: r.filedBy,
  filedAt: r.filedAt,
  eventId: r.eventId,
  withdrawn:
    r.status === 'withdrawn'
      ? { reason: r.withdrawnReason!, by: r.withdrawnBy!, at: r.withdrawnAt!, eventId: r.withdrawnEventId! }
      : null,
});

/** GET /api/evidence: sort, filters and paging (react-admin's conventions). */
export const evidenceList: ListSpec = {
  id: 'f.id',
  sortable: { on: 'f.on_date', filedAt: 'f.filed_at', name: 'f.name', year: 'f.year', category: 'f.category' },
  defaultSort: ['filedAt', 'DESC'],
  filters: {
    id: filters.oneOf('f.id'),
    orgId: filters.oneOf('f.org_id'),
    year: filters.oneOf('f.year'),
    category: filters.oneOf('f.category'),
    status: filters.oneOf('f.status'),
    subjectFeature: filters.equals('f.subject_feature'),
    subjectKind: filters.equals('f.subject_kind'),
    subjectId: filters.oneOf('f.subject_id'),
    q: filters.search('f.name', 'f.title'),
  },
};

export const listEvidence = (db: ReadModelDb, query: ListQuery) =>
  listPage<EvidenceRow, Raw>(db, { columns: COLUMNS, from: FROM, tieBreak: 'f.id' }, query, toRow);

export const getEvidence = (db: ReadModelDb, id: string): EvidenceRow | null => {
  const raw = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE f.id = ?`).get(id) as Raw | undefined;
  return raw ? toRow(raw) : null;
};

/** Files matching the criteria, oldest first: the read door's and the archive's one query. */
export const filesWhere = (
  db: ReadModelDb,
  criteria: {
    orgId?: string;
    year?: number;
    category?: string;
    subject?: Partial<EvidenceRow['subject']>;
    withdrawn?: boolean;
  },
): EvidenceRow[] =>
  (
    statement(
      db,
      `SELECT ${COLUMNS} FROM ${FROM}
       WHERE (@orgId IS NULL OR f.org_id = @orgId) AND (@year IS NULL OR f.year = @year)
         AND (@category IS NULL OR f.category = @category) AND (@feature IS NULL OR f.subject_feature = @feature)
         AND (@kind IS NULL OR f.subject_kind = @kind) AND (@id IS NULL OR f.subject_id = @id)
         AND (@withdrawn = 1 OR f.status = 'filed')
       ORDER BY f.on_date, f.filed_at, f.id`,
    ).all({
      orgId: criteria.orgId ?? null,
      year: criteria.year ?? null,
      category: criteria.category ?? null,
      feature: criteria.subject?.feature ?? null,
      kind: criteria.subject?.kind ?? null,
      id: criteria.subject?.id ?? null,
      withdrawn: criteria.withdrawn ? 1 : 0,
    }) as Raw[]
  ).map(toRow);

export interface ArchiveOrg {
  id: string;
  name: string;
  kind: string;
  foundedOn: string;
}

export const archiveOrg = (db: ReadModelDb, orgId: string): ArchiveOrg | null =>
  (statement(db, `SELECT id, name, kind, founded_on AS foundedOn FROM ${EVIDENCE_ORGS} WHERE id = ?`).get(orgId) as
    ArchiveOrg | undefined) ?? null;

/** The units an organisation covers (its own, and those affiliated to it): the filed event's unitIds. */
export const unitsOfOrg = (db: ReadModelDb, orgId: string): string[] =>
  (
    statement(db, `SELECT unit_id AS id FROM ${EVIDENCE_ORG_UNITS} WHERE org_id = ? ORDER BY unit_id`).all(orgId) as {
      id: string;
    }[]
  ).map((r) => r.id);

/** Organisations for the archive browser's picker, by pinyin; `visible` narrows a scoped caller's. */
export const archiveOrgs = (db: ReadModelDb, visible: readonly string[] | null) =>
  statement(
    db,
    `SELECT o.id, o.name, o.kind, (SELECT count(*) FROM ${EVIDENCE_FILES} f WHERE f.org_id = o.id AND f.status = 'filed') AS files
     FROM ${EVIDENCE_ORGS} o WHERE @visible IS NULL OR o.id IN (SELECT value FROM json_each(@visible)) ORDER BY o.name_key`,
  ).all({ visible: visible ? JSON.stringify(visible) : null }) as {
    id: string;
    name: string;
    kind: string;
    files: number;
  }[];

/**
 * The organisation's part in the campaign: affiliated by its kind; a helper school once it has filed
 * anything for a pairing (the pairing feature's subject); otherwise an organisation.
 */
export const profileOf = (db: ReadModelDb, org: ArchiveOrg): ArchiveProfile => {
  if (org.kind === 'affiliated_party_org') return 'affiliated';
  const helper = statement(
    db,
    `SELECT 1 FROM ${EVIDENCE_FILES} WHERE org_id = ? AND subject_feature = 'pairing' AND status = 'filed' LIMIT 1`,
  ).get(org.id);
  return helper ? 'helper-school' : 'organisation';
};

export interface ArchiveEntry {
  category: string;
  label: Bilingual;
  half: Half | null;
  required: boolean;
  present: boolean;
  files: EvidenceRow[];
}

export interface Archive {
  org: ArchiveOrg;
  year: number;
  profile: ArchiveProfile;
  profileLabel: Bilingual;
  /** Ready for inspection: every required entry has a file on file. */
  ready: boolean;
  missing: { category: string; half: Half | null; label: Bilingual }[];
  entries: ArchiveEntry[];
  /** Files taken out of the archive, kept for audit. */
  withdrawn: EvidenceRow[];
}

const HALF_LABEL: Record<Half, Bilingual> = {
  H1: { zh: '上半年', en: 'first half' },
  H2: { zh: '下半年', en: 'second half' },
};

export const entryLabel = (category: string, half: Half | null): Bilingual => {
  const label = categoryLabel(category);
  return half ? { zh: `${label.zh}（${HALF_LABEL[half].zh}）`, en: `${label.en} (${HALF_LABEL[half].en})` } : label;
};

/**
 * The organisation's archive for a year, by category: what its part in the campaign requires and whether
 * each is on file ("ready for inspection"), then every other category that holds files, in the order of
 * the categories' list.
 */
export const archiveOf = (db: ReadModelDb, org: ArchiveOrg, year: number): Archive => {
  const profile = profileOf(db, org);
  const all = filesWhere(db, { orgId: org.id, year, withdrawn: true });
  const filed = all.filter((f) => f.status === 'filed');
  const required = REQUIRED_BY_PROFILE[profile];
  const entries: ArchiveEntry[] = required.map(({ category, half }) => {
    const files = filed.filter((f) => f.category === category && (half === null || f.half === half));
    return { category, label: entryLabel(category, half), half, required: true, present: files.length > 0, files };
  });
  for (const { key } of EVIDENCE_CATEGORIES) {
    const files = filed.filter((f) => f.category === key && !entries.some((e) => e.files.includes(f)));
    if (files.length)
      entries.push({ category: key, label: entryLabel(key, null), half: null, required: false, present: true, files });
  }
  const missing = entries
    .filter((e) => e.required && !e.present)
    .map(({ category, half, label }) => ({ category, half, label }));
  return {
    org,
    year,
    profile,
    profileLabel: PROFILE_LABELS[profile],
    ready: missing.length === 0,
    missing,
    entries,
    withdrawn: all.filter((f) => f.status === 'withdrawn'),
  };
};
