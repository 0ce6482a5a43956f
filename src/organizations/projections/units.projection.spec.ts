import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import { parseListQuery } from '../../core/http/list-query.js';
import { membersProjection } from './members.projection.js';
import { partyOrgsProjection } from './party-orgs.projection.js';
import { listUnits, unitList, unitsProjection } from './units.projection.js';

/**
 * A unit row's B18 flags are computed from its figures in toRow, while the list's filters and the
 * obligations say the same rules in SQL: the two must agree on every unit, whatever its members and
 * organisation.
 */
const county = () => {
  const db = new Database(':memory:');
  for (const projection of [unitsProjection, partyOrgsProjection, membersProjection]) projection.init(db);
  const unit = db.prepare(
    `INSERT INTO units VALUES (?, ?, 'public_primary', NULL, NULL, 0, '2026-01-01', '2026-01-01', NULL, ?, ?)`,
  );
  const org = db.prepare(`INSERT INTO party_orgs VALUES (?, ?, ?, NULL, '2020-01-01', ?, ?, 0, 0, ?, ?)`);
  const covers = db.prepare('INSERT INTO party_org_units VALUES (?, ?)');
  const member = db.prepare(
    `INSERT INTO members VALUES (?, ?, 'female', NULL, 'org', ?, ?, NULL, NULL, 0, ?, 0, '2026-01-01', ?, NULL)`,
  );
  let n = 0;
  // Full members around both thresholds, with removed and probationary members that must not count.
  for (const full of [0, 2, 3, 6, 7, 9]) {
    // No organisation; a joint branch (not its own); its own branch without and with a committee term.
    for (const organisation of ['none', 'joint', 'own-no-term', 'own-term'] as const) {
      const unitId = `u${String(++n).padStart(2, '0')}`;
      unit.run(unitId, unitId, unitId, unitId);
      if (organisation !== 'none') {
        const orgId = `o-${unitId}`;
        const kind = organisation === 'joint' ? 'joint_branch' : 'party_branch';
        const term = organisation === 'own-term' ? ['2024-01-01', '2027-01-01'] : [null, null];
        org.run(orgId, orgId, kind, ...term, orgId, orgId);
        covers.run(orgId, unitId);
      }
      for (let i = 0; i < full; i++) member.run(`${unitId}-m${i}`, 'm', unitId, 'full', 'active', 'm');
      member.run(`${unitId}-gone`, 'm', unitId, 'full', 'removed', 'm');
      member.run(`${unitId}-new`, 'm', unitId, 'probationary', 'active', 'm');
    }
  }
  return { db, units: n };
};

const ids = (db: Database.Database, filter: object) =>
  listUnits(db, parseListQuery({ filter: JSON.stringify(filter), range: '[0,99]' }, unitList)).rows.map((u) => u.id);

describe('units list: B18 flags', () => {
  test('each row says what the SQL filters say, on every combination of members and organisation', () => {
    const { db, units } = county();
    const rows = listUnits(db, parseListQuery({ range: '[0,99]' }, unitList)).rows;
    expect(rows).toHaveLength(units);
    for (const flag of ['needsOwnOrganization', 'needsCommittee'] as const) {
      const flagged = rows.filter((row) => row[flag]).map((row) => row.id);
      expect(flagged.length).toBeGreaterThan(0);
      expect(flagged.length).toBeLessThan(units);
      expect(flagged.sort()).toEqual(ids(db, { [flag]: true }).sort());
      expect(
        rows
          .filter((row) => !row[flag])
          .map((row) => row.id)
          .sort(),
      ).toEqual(ids(db, { [flag]: false }).sort());
    }
    // Spot checks of the rules themselves (domain.md §9.1).
    const byId = new Map(rows.map((row) => [row.id, row]));
    expect(byId.get('u09')).toMatchObject({ fullMembers: 3, ownOrgId: null, needsOwnOrganization: true });
    expect(byId.get('u10')).toMatchObject({ fullMembers: 3, needsOwnOrganization: true }); // a joint branch only
    expect(byId.get('u11')).toMatchObject({ fullMembers: 3, ownOrgId: 'o-u11', needsOwnOrganization: false });
    expect(byId.get('u19')).toMatchObject({ fullMembers: 7, needsCommittee: true }); // own branch, no term
    expect(byId.get('u20')).toMatchObject({ fullMembers: 7, needsCommittee: false });
  });
});
