import { filters, listPage, type ListQuery, type ListSpec } from '../../core/http/list-query.js';
import { statement, type ReadModelDb } from '../../core/projections/projection.js';

const COLUMNS = `c.id, c.year, c.name, c.quotas, c.nominations_due_on AS nominationsDueOn, c.decision_due_on AS decisionDueOn,
  c.publicity_working_days AS publicityWorkingDays, c.opened_on AS openedOn, c.publicity_from AS publicityFrom,
  c.publicity_to AS publicityTo, c.decided_on AS decidedOn, c.deciding_body AS decidingBody,
  c.document_number AS documentNumber, c.revision, c.updated_at AS updatedAt,
  (SELECT count(*) FROM commendation_nominations n WHERE n.cycle_id = c.id) AS nominations`;

export const cycleList: ListSpec = {
  id: 'c.id',
  sortable: { year: 'c.year', openedOn: 'c.opened_on', name: 'c.name' },
  defaultSort: ['year', 'DESC'],
  filters: { id: filters.oneOf('c.id'), year: filters.oneOf('c.year'), q: filters.search('c.name') },
};

type Raw = Record<string, unknown> & { quotas: string };
const toCycle = (raw: Raw) => ({ ...raw, quotas: JSON.parse(raw.quotas) as Record<string, number> });

export const listCycles = (db: ReadModelDb, query: ListQuery) =>
  listPage(db, { columns: COLUMNS, from: 'commendation_cycles c', tieBreak: 'c.id' }, query, toCycle);

/** The board: the cycle and its nominations (a secretary's: those of its organisations). */
export const cycleBoard = (db: ReadModelDb, id: string, orgIds: readonly string[] | null) => {
  const raw = statement(db, `SELECT ${COLUMNS} FROM commendation_cycles c WHERE c.id = ?`).get(id) as Raw | undefined;
  if (!raw) return null;
  const nominations = (
    statement(
      db,
      `SELECT n.id, n.title, n.nominee_id AS nomineeId, n.nominee_name AS nomineeName, n.org_id AS orgId,
         o.name AS orgName, n.unit_id AS unitId, u.name AS unitName, n.nominated_on AS nominatedOn, n.merits, n.status,
         n.veto_on AS vetoOn, n.veto_reasons AS vetoReasons, n.awarded_on AS awardedOn, n.revoked_on AS revokedOn,
         n.revoke_reason AS revokeReason
       FROM commendation_nominations n LEFT JOIN commendations_orgs o ON o.id = n.org_id
       LEFT JOIN commendations_units u ON u.id = n.unit_id
       WHERE n.cycle_id = ? AND (? IS NULL OR n.org_id IN (SELECT value FROM json_each(?)))
       ORDER BY n.title, n.nominated_on, n.id`,
    ).all(id, orgIds ? 1 : null, JSON.stringify(orgIds ?? [])) as (Record<string, unknown> & {
      vetoReasons: string | null;
    })[]
  ).map((n) => ({ ...n, vetoReasons: n.vetoReasons ? JSON.parse(n.vetoReasons) : [] }));
  return { ...toCycle(raw), nominationList: nominations };
};

export const memberOf = (db: ReadModelDb, id: string) =>
  (statement(
    db,
    `SELECT id, name, org_id AS orgId, unit_id AS unitId, category, status FROM commendations_members WHERE id = ?`,
  ).get(id) as
    { id: string; name: string; orgId: string; unitId: string; category: string; status: string } | undefined) ?? null;

export const orgNamed = (db: ReadModelDb, id: string) =>
  (statement(db, 'SELECT id, name FROM commendations_orgs WHERE id = ?').get(id) as
    { id: string; name: string } | undefined) ?? null;

/** The running nominations of a cycle, for the veto to check again. */
export const runningNominations = (db: ReadModelDb, cycleId: string) =>
  statement(
    db,
    `SELECT id, title, nominee_id AS nomineeId FROM commendation_nominations WHERE cycle_id = ? AND status = 'nominated'`,
  ).all(cycleId) as { id: string; title: string; nomineeId: string }[];
