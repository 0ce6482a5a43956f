import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';

export interface CaseRow {
  id: string;
  kind: string;
  personId: string;
  memberId: string | null;
  name: string;
  category: string;
  unitId: string;
  unitName: string | null;
  orgId: string | null;
  orgName: string | null;
  manager: boolean;
  openedOn: string;
  summary: string;
  violationConfirmedOn: string | null;
  findings: string | null;
  closedOn: string | null;
  conclusion: string | null;
  sanctions: number;
  revision: number;
  updatedAt: string;
}

const COLUMNS = `c.id, c.kind, c.person_id AS personId, c.member_id AS memberId, c.name, c.category, c.unit_id AS unitId,
  u.name AS unitName, c.org_id AS orgId, o.name AS orgName, c.manager, c.opened_on AS openedOn, c.summary,
  c.violation_confirmed_on AS violationConfirmedOn, c.findings, c.closed_on AS closedOn, c.conclusion,
  (SELECT count(*) FROM discipline_sanctions s WHERE s.case_id = c.id) AS sanctions, c.revision, c.updated_at AS updatedAt`;
const FROM = `discipline_cases c LEFT JOIN discipline_units u ON u.id = c.unit_id
  LEFT JOIN discipline_orgs o ON o.id = c.org_id`;

export const caseList: ListSpec = {
  id: 'c.id',
  sortable: { openedOn: 'c.opened_on', name: 'c.name', kind: 'c.kind', closedOn: 'c.closed_on' },
  defaultSort: ['openedOn', 'DESC'],
  filters: {
    id: filters.oneOf('c.id'),
    q: filters.search('c.name'),
    kind: filters.oneOf('c.kind'),
    unitId: filters.oneOf('c.unit_id'),
    personId: filters.oneOf('c.person_id'),
    open: (value) => ({
      sql: value === true || value === 'true' ? 'c.closed_on IS NULL' : 'c.closed_on IS NOT NULL',
      params: [],
    }),
  },
};

const toRow = (raw: CaseRow & { manager: number | boolean }): CaseRow => ({ ...raw, manager: Boolean(raw.manager) });

export const listCases = (db: ReadModelDb, query: ListQuery) =>
  listPage<CaseRow, CaseRow>(db, { columns: COLUMNS, from: FROM, tieBreak: 'c.id' }, query, toRow);

const SANCTION_COLUMNS = `id, case_id AS caseId, track, measure, decided_on AS decidedOn, deciding_body AS decidingBody,
  document_number AS documentNumber, period_table AS periodTable, months, last_day AS lastDay, free_from AS freeFrom,
  extended_on AS extendedOn, concluded, concluded_on AS concludedOn, restriction_last_day AS restrictionLastDay,
  revoked_on AS revokedOn, event_id AS eventId`;

/** The whole case file: the case and every decision in it (bureau and auditors only). */
export const caseFile = (db: ReadModelDb, id: string) => {
  const row = statement(db, `SELECT ${COLUMNS} FROM ${FROM} WHERE c.id = ?`).get(id) as CaseRow | undefined;
  if (!row) return null;
  const all = (sql: string) => statement(db, sql).all(id);
  return {
    ...toRow(row),
    sanctionList: all(`SELECT ${SANCTION_COLUMNS} FROM discipline_sanctions WHERE case_id = ? ORDER BY decided_on, id`),
    measures: all(
      `SELECT id, measure, decided_on AS decidedOn, deciding_body AS decidingBody, document_number AS documentNumber
       FROM discipline_measures WHERE case_id = ? ORDER BY decided_on`,
    ),
    disqualifications: all(
      `SELECT id, months, decided_on AS decidedOn, last_day AS lastDay, free_from AS freeFrom, deciding_body AS decidingBody,
       document_number AS documentNumber FROM discipline_disqualifications WHERE case_id = ? ORDER BY decided_on`,
    ),
    appeals: all(
      `SELECT id, sanction_id AS sanctionId, filed_on AS filedOn, grounds, outcome, decided_on AS decidedOn,
       deciding_body AS decidingBody, document_number AS documentNumber FROM discipline_appeals WHERE case_id = ?
       ORDER BY filed_on`,
    ),
  };
};

/** A member as discipline's roster copy knows them (to open a case, to scope a secretary's look-up). */
export const memberOnRoster = (db: ReadModelDb, memberId: string) => {
  const row = statement(
    db,
    `SELECT id AS memberId, name, category, status, unit_id AS unitId, org_id AS orgId, teaches
     FROM discipline_members WHERE id = ?`,
  ).get(memberId) as
    | {
        memberId: string;
        name: string;
        category: 'full' | 'probationary';
        status: 'active' | 'removed';
        unitId: string;
        orgId: string;
        teaches: number;
      }
    | undefined;
  return row ? { ...row, teaches: Boolean(row.teaches) } : null;
};

/** The person's name and where they belong, for a look-up: a member, or the subject of a case. */
export const personOf = (db: ReadModelDb, personId: string) =>
  (statement(
    db,
    `SELECT id AS personId, name, org_id AS orgId, unit_id AS unitId FROM discipline_members WHERE id = ?
     UNION ALL SELECT person_id, name, org_id, unit_id FROM discipline_cases WHERE person_id = ? LIMIT 1`,
  ).get(personId, personId) as { personId: string; name: string; orgId: string | null; unitId: string } | undefined) ??
  null;

/** The people of these organisations with any sanction or disqualification on record (for the ineligible list). */
export const peopleWithRecordsIn = (db: ReadModelDb, orgIds: readonly string[] | null) =>
  statement(
    db,
    `SELECT m.id AS personId, m.name, m.org_id AS orgId, o.name AS orgName FROM discipline_members m
     LEFT JOIN discipline_orgs o ON o.id = m.org_id
     WHERE (? IS NULL OR m.org_id IN (SELECT value FROM json_each(?)))
       AND (EXISTS (SELECT 1 FROM discipline_sanctions s WHERE s.person_id = m.id)
         OR EXISTS (SELECT 1 FROM discipline_disqualifications d WHERE d.person_id = m.id))
     ORDER BY m.name, m.id`,
  ).all(orgIds ? 1 : null, JSON.stringify(orgIds ?? [])) as {
    personId: string;
    name: string;
    orgId: string;
    orgName: string | null;
  }[];
