import { command, foldStream, handleCommand, type StreamModel } from '../core/command-handling.js';
import type { EventStore } from '../core/event-store/event-store.js';
import { systemMetadata } from '../core/http/request-context.js';
import type { Event } from '../core/messages.js';
import type { Clock } from '../core/time/clock.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../core/time/local-date.js';
import { developmentCase } from '../development/development-case.js';
import { developmentStream } from '../development/development.events.js';
import { seedDevelopmentCase, type CaseVariant } from './demo-development.js';
import { userStream } from '../auth/auth.events.js';
import { registerUser } from '../auth/commands/register-user.js';
import { user } from '../auth/user.js';
import { affiliateUnit } from '../organizations/commands/affiliate-unit.js';
import { assignPosition } from '../organizations/commands/assign-position.js';
import { electCommittee } from '../organizations/commands/elect-committee.js';
import { endPosition } from '../organizations/commands/end-position.js';
import { enrollMember } from '../organizations/commands/enroll-member.js';
import { foundPartyOrganization } from '../organizations/commands/found-party-organization.js';
import { registerUnit } from '../organizations/commands/register-unit.js';
import { removeMember } from '../organizations/commands/remove-member.js';
import { transferMember } from '../organizations/commands/transfer-member.js';
import { member } from '../organizations/member.js';
import {
  memberStream,
  partyOrgStream,
  unitStream,
  type OrgKind,
  type UnitType,
} from '../organizations/organizations.events.js';
import { partyOrganization } from '../organizations/party-organization.js';
import type { OrgFacts } from '../organizations/roster-facts.js';
import { unit } from '../organizations/unit.js';
import * as data from './county-data.js';
import { uuidFrom } from '../core/ids.js';
import { seededRandom } from './random.js';

export interface DemoSummary {
  units: number;
  organisations: number;
  members: number;
  instructors: number;
  developmentCases: number;
  events: number;
}

/** The demo bureau committee's id: its stream existing means the demo county is loaded. */
export const demoBureauId = (seed: number) => uuidFrom(`demo:${seed}:org:bureau`);

/**
 * Loads a demo county through the ordinary deciders (so every projection, score and reminder has
 * something to show): the four pairing communities of seed 004 under their real school names,
 * 25 affiliated organisations, 108 instructors, and a few hundred members with three years of
 * history in business time. The same seed gives the same county.
 */
export const seedDemoCounty = async (
  store: EventStore,
  clock: Clock,
  passwordHash: string,
  seed = 2019,
): Promise<DemoSummary> => {
  const random = seededRandom(seed);
  const id = (kind: string, key: string | number) => uuidFrom(`demo:${seed}:${kind}:${key}`);
  const startHead = await store.headPosition();
  let members = 0;
  let developmentCases = 0;
  // Each fact is decided "on" its business date: the decider's now, the event's occurredAt.
  const on = (date: string) => ({
    ...systemMetadata(clock),
    now: new Date(startOfShanghaiDay(date).getTime() + 9 * 3_600_000).toISOString(),
  });
  const run = <S, E extends Event>(
    stream: string,
    model: StreamModel<S, E>,
    date: string,
    decide: (state: S, metadata: ReturnType<typeof on>) => E | E[],
  ) => {
    const metadata = on(date);
    return handleCommand(store, stream, model, (state) => decide(state, metadata), metadata);
  };

  const units = new Map<string, { id: string; type: UnitType; district: string | null }>();
  const addUnit = async (name: string, type: UnitType, district: string | null, centralSchool: string | null) => {
    const unitId = id('unit', name);
    await run(unitStream(unitId), unit, '2024-01-02', (s, m) =>
      registerUnit(command('RegisterUnit', { unitId, name, type, district, centralSchool }, m), s),
    );
    units.set(name, { id: unitId, type, district });
  };
  for (const [name, district, central] of data.PUBLIC_SCHOOLS) await addUnit(name, 'public_school', district, central);
  for (const name of data.PRIVATE_SCHOOLS) await addUnit(name, 'private_school', random.pick(data.DISTRICTS), null);
  for (let i = 0; i < 40; i++)
    await addUnit(data.kindergartenName(i), 'private_kindergarten', random.pick(data.DISTRICTS), null);
  for (let i = 0; i < 20; i++)
    await addUnit(data.trainingName(i), 'offcampus_training_institution', random.pick(data.DISTRICTS), null);

  const orgs = new Map<string, OrgFacts>();
  const found = async (
    key: string,
    name: string,
    kind: OrgKind,
    parentId: string | null,
    unitNames: string[],
    foundedOn: string,
  ) => {
    const orgId = key === 'bureau' ? demoBureauId(seed) : id('org', key);
    const unitIds = unitNames.map((n) => units.get(n)!.id);
    const parent = parentId ? ([...orgs.values()].find((o) => o.id === parentId) ?? null) : null;
    await run(partyOrgStream(orgId), partyOrganization, '2024-01-02', (s, m) =>
      foundPartyOrganization(
        command(
          'FoundPartyOrganization',
          // The bureau's committee approves new members for the schools (domain.md §4.1).
          { orgId, name, kind, parentId, unitIds, foundedOn, approvalAuthority: key === 'bureau' },
          m,
        ),
        s,
        { parent, missingUnitIds: [] },
      ),
    );
    const facts = { id: orgId, name, kind, unitIds };
    orgs.set(key, facts);
    return facts;
  };
  const bureau = await found('bureau', '中共蒲城县教育局委员会', 'basic_party_committee', null, [], '1984-07-01');
  await run(partyOrgStream(bureau.id), partyOrganization, '2022-06-15', (s, m) =>
    electCommittee(command('ElectCommittee', { orgId: bureau.id, termStart: '2022-06-15', termYears: 5 }, m), s),
  );

  // Public schools and the two larger private schools have branches of their own.
  const ownBranch = [...data.PUBLIC_SCHOOLS.map(([name]) => name), '兴华学校', '雏鹰学校'];
  for (const [index, name] of ownBranch.entries()) {
    const kind: OrgKind = index < 3 ? 'general_branch' : 'party_branch';
    const org = await found(
      name,
      `${name}${kind === 'general_branch' ? '党总支' : '党支部'}`,
      kind,
      bureau.id,
      [name],
      `${random.int(1995, 2019)}-0${random.int(1, 9)}-01`,
    );
    const termStart = `${random.int(2021, 2025)}-0${random.int(1, 9)}-${String(random.int(1, 28)).padStart(2, '0')}`;
    await run(partyOrgStream(org.id), partyOrganization, termStart < '2024-01-02' ? '2024-01-02' : termStart, (s, m) =>
      electCommittee(command('ElectCommittee', { orgId: org.id, termStart, termYears: 3 }, m), s),
    );
  }

  // 25 affiliated organisations host the small private units (fewer than 3 full members each).
  const hosted = [...units.entries()].filter(([name, u]) => u.type !== 'public_school' && !ownBranch.includes(name));
  const hosts: OrgFacts[] = [];
  for (let n = 1; n <= 25; n++)
    hosts.push(
      await found(
        `host-${n}`,
        `蒲城县教育局民办教育第${n}挂靠党支部`,
        'affiliated_party_org',
        bureau.id,
        [],
        '2019-09-10',
      ),
    );
  for (const [index, [, u]] of hosted.entries()) {
    const host = hosts[index % hosts.length];
    await run(unitStream(u.id), unit, '2024-01-02', (s, m) =>
      affiliateUnit(command('AffiliateUnit', { unitId: u.id, hostOrgId: host.id, on: '2019-09-10' }, m), s, {
        host,
        fullMembers: 0,
        ownOrg: null,
      }),
    );
  }

  // Members: enrolled when the system started, with their real joining dates; some join later.
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
    const memberId = id('member', ++members);
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
  for (const name of ownBranch) {
    const org = orgs.get(name)!;
    const size = units.get(name)!.type === 'public_school' ? random.int(8, 24) : random.int(3, 5);
    const ids: string[] = [];
    for (let i = 0; i < size; i++)
      ids.push(await enrol(org, name, '2024-01-02', random.chance(0.07) ? 'probationary' : 'full'));
    await assignPosts(org, ids);
  }
  for (const [index, [name]] of hosted.entries()) {
    const count = index % 3; // 0, 1 or 2 full members: below the threshold of a branch of their own
    for (let i = 0; i < count; i++) await enrol(hosts[index % hosts.length], name, '2024-01-02', 'full');
  }

  async function assignPosts(org: OrgFacts, ids: string[]) {
    const titles = [
      'branch_secretary',
      'deputy_secretary',
      'org_committee_member',
      'publicity_committee_member',
      'discipline_committee_member',
    ] as const;
    const count = ids.length >= 7 ? titles.length : 1; // a committee only from 7 full members (domain.md §9.1)
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
              title: titles[i],
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

  // Membership development: cases at every stage, dated back from today (the clock's), some overdue.
  const today = shanghaiDate(clock.now());
  const qiaoshanBranch = orgs.get('桥山中学')!;
  // Where everyone stands after the transfers and departures above: contacts and voters come from here.
  const standings = await Promise.all(
    roster.map(async (r) => foldStream(member, await store.readStream(memberStream(r.id)))),
  );
  const activeFullMembers = (orgId: string) =>
    standings.flatMap((m) =>
      m.status === 'active' && m.orgId === orgId && m.category === 'full'
        ? [{ memberId: m.memberId, name: m.name }]
        : [],
    );
  for (const [n, [daysAgo, variant]] of DEVELOPMENT_PLAN.entries()) {
    const org = n % 3 === 0 ? qiaoshanBranch : random.pick(publicBranches);
    const fullMembers = activeFullMembers(org.id);
    if (fullMembers.length < 3) continue; // too small a branch to vote: the plan skips it
    const female = random.chance(0.55);
    const personId = id('person', n);
    await seedDevelopmentCase(
      {
        personId,
        name: `${random.pick([...data.SURNAMES])}${random.pick(female ? data.GIVEN_FEMALE : data.GIVEN_MALE)}${random.pick(female ? data.GIVEN_FEMALE : data.GIVEN_MALE)}`,
        gender: female ? 'female' : 'male',
        birthDate: `${random.int(1990, 2002)}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}`,
        orgId: org.id,
        unitId: org.unitIds[0],
        appliedOn: addDays(today, -daysAgo - random.int(0, 9)),
        variant,
        contacts: [fullMembers[0], fullMembers[1]],
        fullMembers: fullMembers.length,
        reportsLapse: variant === 'stalled-probation' || random.chance(0.2),
      },
      today,
      (date, decide) => run(developmentStream(personId), developmentCase, date, decide),
    );
    developmentCases++;
  }

  // 108 instructors, each dispatched to one or two private units; and one user per other role.
  const privateUnits = [...units.values()].filter((u) => u.type !== 'public_school');
  for (let n = 1; n <= 108; n++) {
    const username = `instructor-${String(n).padStart(3, '0')}`;
    const unitIds = [
      ...new Set([privateUnits[(n * 7) % privateUnits.length].id, privateUnits[(n * 11 + 3) % privateUnits.length].id]),
    ].slice(0, random.chance(0.5) ? 1 : 2);
    await addUser(username, `指导员${String(n).padStart(3, '0')}`, 'instructor', [], unitIds);
  }
  await addUser('staff', '局党委办干事', 'bureau_staff', [], []);
  await addUser('auditor', '审计员', 'auditor', [], []);
  const qiaoshan = orgs.get('桥山中学')!;
  await addUser('secretary-qiaoshan', '桥山中学党总支书记', 'secretary', [qiaoshan.id], qiaoshan.unitIds);

  async function addUser(
    username: string,
    displayName: string,
    role: 'instructor' | 'bureau_staff' | 'auditor' | 'secretary',
    orgIds: string[],
    unitIds: string[],
  ) {
    await run(userStream(username), user, '2024-01-02', (s, m) =>
      registerUser(command('RegisterUser', { username, displayName, passwordHash, role, orgIds, unitIds }, m), s),
    );
  }

  return {
    units: units.size,
    organisations: orgs.size,
    members,
    instructors: 108,
    developmentCases,
    events: Number((await store.headPosition()) - startHead),
  };
};

/**
 * The demo's development cases: how many days ago each applied, and how it goes. Age alone spreads them
 * over the five stages (an application 40 days old has had its talk; one 1,250 days old is a full member);
 * the variants add an overdue talk, a probation left past its end, a failed vote, a refusal, an extension.
 */
const DEVELOPMENT_PLAN: [number, CaseVariant][] = [
  [12, 'ordinary'],
  [25, 'ordinary'],
  [50, 'no-talk'],
  [90, 'ordinary'],
  [200, 'ordinary'],
  [260, 'ordinary'],
  [330, 'ordinary'],
  [420, 'ordinary'],
  [560, 'ordinary'],
  [600, 'ordinary'],
  [640, 'ordinary'],
  [660, 'ordinary'],
  [700, 'vote-not-admit'],
  [760, 'not-approved'],
  [800, 'ordinary'],
  [900, 'ordinary'],
  [1000, 'ordinary'],
  [1100, 'extended'],
  [1130, 'stalled-probation'],
  [1200, 'ordinary'],
  [1280, 'ordinary'],
];
