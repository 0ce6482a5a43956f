import { parseListQuery } from '../core/http/list-query.js';
import { withinUnits } from '../core/http/scope.js';
import type { Actor } from '../core/http/request-context.js';
import { addMonths } from '../core/time/local-date.js';
import type { DashboardContribution } from '../dashboard/dashboard.js';
import { listPartyOrgs, partyOrgList } from './projections/party-orgs.projection.js';
import { listUnits, unitList } from './projections/units.projection.js';

const scopedUnits = (actor: Actor, filter: Record<string, unknown>) =>
  withinUnits({ ...parseListQuery({ filter: JSON.stringify(filter) }, unitList), limit: 1 }, actor, 'units.id');
import { UNIT_TYPE_LABELS, UNIT_TYPES } from './organizations.events.js';

/** Units at a glance: how many, and of which type (only the actor's own for scoped roles). */
export const unitsDashboard: DashboardContribution = (db, actor, today) => {
  const scoped = !actor.unrestricted;
  const where = scoped ? `WHERE id IN (${actor.unitIds.map(() => '?').join(', ') || 'NULL'})` : '';
  const params = scoped ? actor.unitIds : [];
  const counts = new Map(
    (
      db.prepare(`SELECT type, count(*) AS n FROM units ${where} GROUP BY type`).all(...params) as {
        type: string;
        n: number;
      }[]
    ).map((row) => [row.type, row.n]),
  );
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  const needsOrg = listUnits(db, scopedUnits(actor, { needsOwnOrganization: true })).total;
  const needsCommittee = listUnits(db, scopedUnits(actor, { needsCommittee: true })).total;
  const termsDue = listPartyOrgs(db, {
    ...parseListQuery({ filter: JSON.stringify({ termEndsBy: addMonths(today, 3) }) }, partyOrgList),
    limit: 1,
  }).total;
  return {
    tiles: [
      {
        key: 'units',
        label: scoped ? { zh: '我负责的单位', en: 'My units' } : { zh: '全县单位', en: 'Units in the county' },
        value: total,
        tone: 'normal',
        link: '/units',
      },
      {
        key: 'units-need-own-organisation',
        label: { zh: '应单独建立党组织的单位（B18）', en: 'Units that need their own organisation (B18)' },
        value: needsOrg,
        tone: needsOrg > 0 ? 'warning' : 'normal',
        link: `/units?filter=${encodeURIComponent('{"needsOwnOrganization":true}')}`,
      },
      {
        key: 'units-need-committee',
        label: { zh: '应设立支部委员会的单位', en: 'Units that need a branch committee' },
        value: needsCommittee,
        tone: needsCommittee > 0 ? 'warning' : 'normal',
        link: `/units?filter=${encodeURIComponent('{"needsCommittee":true}')}`,
      },
      ...(actor.unrestricted
        ? [
            {
              key: 'committee-terms-due',
              label: {
                zh: '三个月内任期届满或已超期的委员会（B15）',
                en: 'Committee terms ending within 3 months or overdue (B15)',
              },
              value: termsDue,
              tone: termsDue > 0 ? ('danger' as const) : ('normal' as const),
              link: `/party-organizations?filter=${encodeURIComponent(JSON.stringify({ termEndsBy: addMonths(today, 3) }))}`,
            },
          ]
        : []),
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
