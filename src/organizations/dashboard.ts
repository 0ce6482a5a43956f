import type { DashboardContribution } from '../dashboard/dashboard.js';
import { UNIT_TYPE_LABELS, UNIT_TYPES } from './organizations.events.js';

/** Units at a glance: how many, and of which type (only the actor's own for scoped roles). */
export const unitsDashboard: DashboardContribution = (db, actor) => {
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
  return {
    tiles: [
      {
        key: 'units',
        label: scoped ? { zh: '我负责的单位', en: 'My units' } : { zh: '全县单位', en: 'Units in the county' },
        value: total,
        tone: 'normal',
        link: '/units',
      },
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
