import { statement, type ReadModelDb } from '../../core/projections/projection.js';
import { endOfMonth, endOfQuarter, quarterOf } from '../../core/time/local-date.js';
import { MEETING_KINDS, type MeetingKind } from '../organizational-life.events.js';
import { ruleOf, type ObligationRule } from '../obligation-rules.js';
import { TRACKED_FROM_SQL } from './orglife-calendar.projection.js';

/**
 * held: a meeting that counts was held in it; missing: ended without one; due: under way without one yet;
 * future: not begun; not-owed: the branch does not owe it (no committee, no groups); untracked: before the
 * branch was founded or before the ledger's first meeting (orglife_calendar).
 */
export type PeriodStatus = 'held' | 'missing' | 'due' | 'future' | 'not-owed' | 'untracked';
/** A month's cell: its own meeting, `covered` by another month of its quarter or year, or `open` in an unmet period. */
export type CellStatus = PeriodStatus | 'covered' | 'open';

export interface GridPeriod {
  period: string;
  startsOn: string;
  endsOn: string;
  held: number;
  status: PeriodStatus;
}

export interface GridRow {
  kind: MeetingKind;
  code: string;
  periodKind: ObligationRule['period'];
  cells: { month: string; held: number; notQuorate: number; meetingIds: string[]; status: CellStatus }[];
  periods: GridPeriod[];
}

export interface MonthGrid {
  orgId: string;
  orgName: string;
  year: number;
  months: string[];
  rows: GridRow[];
}

interface Branch {
  name: string;
  keepsOrgLife: number;
  foundedOn: string;
  committeeSince: string | null;
  groupLeaders: number;
}

const periodsOf = (year: number, kind: ObligationRule['period']) => {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}-01`);
  if (kind === 'month') return months.map((m) => ({ period: m.slice(0, 7), startsOn: m, endsOn: endOfMonth(m) }));
  if (kind === 'quarter')
    return [0, 3, 6, 9].map((i) => ({
      period: quarterOf(months[i]),
      startsOn: months[i],
      endsOn: endOfQuarter(months[i]),
    }));
  return [{ period: String(year), startsOn: `${year}-01-01`, endsOn: `${year}-12-31` }];
};

const owes = (rule: ObligationRule, branch: Branch, endsOn: string) =>
  branch.keepsOrgLife === 1 &&
  (rule.applies === 'all' ||
    (rule.applies === 'committee' && branch.committeeSince !== null && branch.committeeSince <= endsOn) ||
    (rule.applies === 'groups' && branch.groupLeaders > 0));

/**
 * One branch's year of organisational life: per kind (B1–B7) and month the meetings held, and per period
 * whether it was met, as of `today`. Null when the organisation is unknown.
 */
export const monthGrid = (db: ReadModelDb, orgId: string, year: number, today: string): MonthGrid | null => {
  const branch = statement(
    db,
    `SELECT name, keeps_org_life AS keepsOrgLife, founded_on AS foundedOn, committee_since AS committeeSince,
      (SELECT count(*) FROM orglife_group_leaders g WHERE g.org_id = b.org_id) AS groupLeaders
     FROM orglife_branches b WHERE org_id = ?`,
  ).get(orgId) as Branch | undefined;
  if (!branch) return null;
  const firstOn = (statement(db, `SELECT ${TRACKED_FROM_SQL} AS firstOn`).get() as { firstOn: string | null })?.firstOn;
  const meetings = statement(
    db,
    `SELECT id, kind, held_on AS heldOn, counts FROM orglife_meetings
     WHERE org_id = ? AND held_on BETWEEN ? AND ? ORDER BY held_on`,
  ).all(orgId, `${year}-01-01`, `${year}-12-31`) as { id: string; kind: MeetingKind; heldOn: string; counts: number }[];
  const months = periodsOf(year, 'month').map((p) => p.period);
  const rows = MEETING_KINDS.map((kind): GridRow => {
    const rule = ruleOf(kind);
    const ofKind = meetings.filter((m) => m.kind === kind);
    const periods = periodsOf(year, rule.period).map(({ period, startsOn, endsOn }): GridPeriod => {
      const held = ofKind.filter((m) => m.counts === 1 && m.heldOn >= startsOn && m.heldOn <= endsOn).length;
      const status: PeriodStatus = !owes(rule, branch, endsOn)
        ? 'not-owed'
        : held > 0
          ? 'held'
          : !firstOn || endsOn < firstOn || endsOn < branch.foundedOn
            ? 'untracked'
            : startsOn > today
              ? 'future'
              : endsOn < today
                ? 'missing'
                : 'due';
      return { period, startsOn, endsOn, held, status };
    });
    const cells = months.map((month) => {
      const inMonth = ofKind.filter((m) => m.heldOn.startsWith(month));
      const held = inMonth.filter((m) => m.counts === 1).length;
      const period = periods.find((p) => p.startsOn <= `${month}-01` && p.endsOn >= `${month}-01`)!;
      const last = period.endsOn.startsWith(month);
      const status: CellStatus =
        held > 0
          ? 'held'
          : period.status === 'held'
            ? 'covered'
            : !last && (period.status === 'missing' || period.status === 'due')
              ? 'open'
              : period.status;
      return { month, held, notQuorate: inMonth.length - held, meetingIds: inMonth.map((m) => m.id), status };
    });
    return { kind, code: rule.code, periodKind: rule.period, cells, periods };
  });
  return { orgId, orgName: branch.name, year, months, rows };
};
