import { command, foldStream } from '../core/command-handling.js';
import { addDays } from '../core/time/local-date.js';
import type { DemoMember } from '../core/demo/county.js';
import * as data from '../demo/county-data.js';
import type { DemoContext } from '../core/demo/demo-part.js';
import { assignPosition } from './commands/assign-position.js';
import { endPosition } from './commands/end-position.js';
import { enrollMember } from './commands/enroll-member.js';
import { removeMember } from './commands/remove-member.js';
import { transferMember } from './commands/transfer-member.js';
import { member } from './member.js';
import { memberStream, partyOrgStream, type UnitType } from './organizations.events.js';
import { partyOrganization } from './party-organization.js';
import type { OrgFacts } from './roster-facts.js';

export type DemoUnits = Map<string, { id: string; type: UnitType; district: string | null }>;

interface Made {
  units: DemoUnits;
  orgs: Map<string, OrgFacts>;
  /** Units with a branch of their own, by name. */
  ownBranch: string[];
  /** The small private units the affiliated organisations host, by name, and those hosts. */
  hosted: string[];
  hosts: OrgFacts[];
}

const POST_TITLES = [
  'branch_secretary',
  'deputy_secretary',
  'org_committee_member',
  'publicity_committee_member',
  'discipline_committee_member',
] as const;

/**
 * Members enrolled when the system started, with their real joining dates, and their posts; then three
 * years of history in business time: new probationary members, transfers, a secretary handing over,
 * departures. Answers the roster as it stands afterwards.
 */
export const seedRoster = async (
  { random, run, id, store }: DemoContext,
  { units, orgs, ownBranch, hosted, hosts }: Made,
): Promise<DemoMember[]> => {
  const roster: { id: string; org: OrgFacts; unitId: string; name: string }[] = [];
  const enrol = async (org: OrgFacts, unitName: string, date: string, category: 'full' | 'probationary') => {
    const female = random.chance(0.62);
    const name = `${random.pick([...data.SURNAMES])}${random.pick(female ? data.GIVEN_FEMALE : data.GIVEN_MALE)}${random.chance(0.5) ? random.pick(female ? data.GIVEN_FEMALE : data.GIVEN_MALE) : ''}`;
    const birthYear = random.int(1966, 1999);
    const birthDate = `${birthYear}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`;
    const joinedOn =
      category === 'probationary'
        ? addDays(date, -random.int(10, 200))
        : `${random.int(birthYear + 19, Math.min(2023, birthYear + 40))}-07-01`;
    const memberId = id('member', roster.length + 1);
    const unitId = units.get(unitName)!.id;
    const teaches = random.chance(0.85);
    await run(memberStream(memberId), member, date, (s, m) =>
      enrollMember(
        command(
          'EnrollMember',
          {
            memberId,
            name,
            gender: female ? 'female' : 'male',
            birthDate,
            orgId: org.id,
            unitId,
            category,
            joinedOn,
            post: teaches ? random.pick(data.SUBJECTS) : '行政人员',
            teaches,
          },
          m,
        ),
        s,
        { org, unitExists: true, covered: true },
      ),
    );
    roster.push({ id: memberId, org, unitId, name });
    return memberId;
  };
  const assignPosts = async (org: OrgFacts, ids: string[]) => {
    const count = ids.length >= 7 ? POST_TITLES.length : 1; // a committee only from 7 full members (domain.md §9.1)
    for (let i = 0; i < count; i++) {
      const positionId = id('position', `${org.id}:${i}`);
      const cross = i === 0 ? (random.chance(0.7) ? '校长' : '副校长') : null;
      await run(partyOrgStream(org.id), partyOrganization, '2024-01-02', (s, m) =>
        assignPosition(
          command(
            'AssignPosition',
            {
              orgId: org.id,
              positionId,
              memberId: ids[i],
              title: POST_TITLES[i],
              from: '2021-09-01',
              crossAppointment: cross,
            },
            m,
          ),
          s,
          org.id,
        ),
      );
    }
  };
  for (const name of ownBranch) {
    const org = orgs.get(name)!;
    const size = units.get(name)!.type === 'public_school' ? random.int(8, 24) : random.int(3, 5);
    const ids: string[] = [];
    for (let i = 0; i < size; i++)
      ids.push(await enrol(org, name, '2024-01-02', random.chance(0.07) ? 'probationary' : 'full'));
    await assignPosts(org, ids);
  }
  for (const [index, name] of hosted.entries()) {
    const count = index % 3; // 0, 1 or 2 full members: below the threshold of a branch of their own
    for (let i = 0; i < count; i++) await enrol(hosts[index % hosts.length], name, '2024-01-02', 'full');
  }

  // Three years of history: new probationary members, transfers, a secretary handing over, departures.
  const publicBranches = data.PUBLIC_SCHOOLS.map(([name]) => orgs.get(name)!);
  for (let i = 0; i < 24; i++) {
    const org = random.pick(publicBranches);
    await enrol(
      org,
      [...units.entries()].find(([, u]) => u.id === org.unitIds[0])![0],
      `${random.pick(['2024', '2025', '2026'])}-0${random.int(1, 9)}-15`,
      'probationary',
    );
  }
  for (let i = 0; i < 15; i++) {
    const moving = roster[random.int(0, roster.length - 1)];
    const target = random.pick(publicBranches);
    if (target.id === moving.org.id || target.unitIds[0] === moving.unitId) continue;
    await run(memberStream(moving.id), member, `2025-0${random.int(1, 9)}-01`, (s, m) =>
      transferMember(
        command(
          'TransferMember',
          { memberId: moving.id, toOrgId: target.id, toUnitId: target.unitIds[0], on: m.now.slice(0, 10) },
          m,
        ),
        s,
        { org: target, unitExists: true, covered: true },
      ),
    ).catch(() => undefined); // a member picked twice may already have moved: skip, as a clerk would
  }
  const handover = orgs.get('城南学校')!;
  await run(partyOrgStream(handover.id), partyOrganization, '2025-08-31', (s, m) =>
    endPosition(
      command(
        'EndPosition',
        { orgId: handover.id, positionId: id('position', `${handover.id}:0`), to: '2025-08-31' },
        m,
      ),
      s,
    ),
  );
  for (let i = 0; i < 4; i++) {
    const leaving = roster[random.int(0, roster.length - 1)];
    await run(memberStream(leaving.id), member, `2026-0${random.int(3, 9)}-10`, (s, m) =>
      removeMember(
        command(
          'RemoveMember',
          { memberId: leaving.id, reason: 'transferred_out_of_county', on: m.now.slice(0, 10) },
          m,
        ),
        s,
      ),
    ).catch(() => undefined);
  }

  // Where everyone stands after the transfers and departures: later parts take contacts and voters from here.
  const standings = await Promise.all(
    roster.map(async (r) => foldStream(member, await store.readStream(memberStream(r.id)))),
  );
  return standings.flatMap((m) =>
    m.status === 'none'
      ? []
      : [{ id: m.memberId, name: m.name, orgId: m.orgId, unitId: m.unitId, status: m.status, category: m.category }],
  );
};
