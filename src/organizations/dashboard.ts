import { parseListQuery } from '../core/http/list-query.js';
import { scopeOf, withinScope, withinUnits } from '../core/http/scope.js';
import type { Actor } from '../core/http/request-context.js';
import { addMonths } from '../core/time/local-date.js';
import type { DashboardContribution, Tile } from '../core/dashboard.js';
import { UNIT_TYPE_LABELS, UNIT_TYPES } from './organizations.events.js';
import { listMembers, memberList } from './projections/members.projection.js';
import { listPartyOrgs, partyOrgList } from './projections/party-orgs.projection.js';
import { listUnits, unitList } from './projections/units.projection.js';

const scopedUnits = (actor: Actor, filter: Record<string, unknown>) =>
  withinUnits({ ...parseListQuery({ filter: JSON.stringify(filter) }, unitList), limit: 1 }, actor, 'units.id');
const scopedMembers = (actor: Actor, filter: Record<string, unknown>) =>
  withinScope({ ...parseListQuery({ filter: JSON.stringify(filter) }, memberList), limit: 1 }, actor, {
    org: 'm.org_id',
    unit: 'm.unit_id',
  });

/** A count whose tile links to the list it counts, with the same filter. */
const counted = (
  tile: Omit<Tile, 'tone' | 'link'> & { value: number; alarm?: 'warning' | 'danger' },
  resource: string,
  filter?: Record<string, unknown>,
): Tile => {
  const { alarm, ...rest } = tile;
  return {
    ...rest,
    tone: alarm && tile.value > 0 ? alarm : 'normal',
    link: { resource, ...(filter ? { filter } : {}) },
  };
};

/** Units, organisations and the roster at a glance (only the actor's own for scoped roles); each tile opens its list. */
export const unitsDashboard: DashboardContribution = (db, actor, today) => {
  const scoped = !actor.unrestricted;
  // The units the actor may look at, as the units list narrows them (the tile opens that list).
  const where = scoped ? 'WHERE id IN (SELECT value FROM json_each(?))' : '';
  const params = scoped ? [JSON.stringify(scopeOf(actor).visibleUnitIds)] : [];
  const counts = new Map(
    (
      db.prepare(`SELECT type, count(*) AS n FROM units ${where} GROUP BY type`).all(...params) as {
        type: string;
        n: number;
      }[]
    ).map((row) => [row.type, row.n]),
  );
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const needsOwnOrganization = { needsOwnOrganization: true };
  const needsCommittee = { needsCommittee: true };
  const termsDue = { termEndsBy: addMonths(today, 3) };
  const conversionOverdue = { conversionDueBefore: today };
  return {
    tiles: [
      counted(
        {
          key: 'units',
          label: scoped ? { zh: '我负责的单位', en: 'My units' } : { zh: '全县单位', en: 'Units in the county' },
          value: total,
        },
        'units',
      ),
      counted(
        {
          key: 'units-need-own-organisation',
          label: { zh: '应单独建立党组织的单位', en: 'Units that need their own organisation' },
          value: listUnits(db, scopedUnits(actor, needsOwnOrganization)).total,
          rule: 'B18',
          alarm: 'warning',
        },
        'units',
        needsOwnOrganization,
      ),
      counted(
        {
          key: 'units-need-committee',
          label: { zh: '应设立支部委员会的单位', en: 'Units that need a branch committee' },
          value: listUnits(db, scopedUnits(actor, needsCommittee)).total,
          rule: 'B18',
          alarm: 'warning',
        },
        'units',
        needsCommittee,
      ),
      ...(actor.unrestricted
        ? [
            counted(
              {
                key: 'committee-terms-due',
                label: {
                  zh: '三个月内任期届满或已超期的委员会',
                  en: 'Committee terms ending within 3 months or overdue',
                },
                value: listPartyOrgs(db, {
                  ...parseListQuery({ filter: JSON.stringify(termsDue) }, partyOrgList),
                  limit: 1,
                }).total,
                rule: 'B15',
                alarm: 'danger',
              },
              'party-organizations',
              termsDue,
            ),
          ]
        : []),
      counted(
        {
          key: 'members-conversion-overdue',
          label: { zh: '逾期未转正的预备党员', en: 'Probationary members overdue for conversion' },
          value: listMembers(db, scopedMembers(actor, conversionOverdue), today).total,
          rule: 'A19',
          alarm: 'danger',
        },
        'members',
        conversionOverdue,
      ),
    ],
    charts: [
      {
        key: 'units-by-type',
        label: { zh: '单位类型分布', en: 'Units by type' },
        data: UNIT_TYPES.map((type) => ({ label: UNIT_TYPE_LABELS[type], value: counts.get(type) ?? 0 })),
      },
    ],
  };
};
