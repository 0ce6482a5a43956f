import { command } from '../core/command-handling.js';
import * as data from '../demo/county-data.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import { affiliateUnit } from './commands/affiliate-unit.js';
import { electCommittee } from './commands/elect-committee.js';
import { foundPartyOrganization } from './commands/found-party-organization.js';
import { registerUnit } from './commands/register-unit.js';
import { seedRoster, type DemoUnits } from './organizations-demo-roster.js';
import { partyOrgStream, unitStream, type OrgKind, type UnitType } from './organizations.events.js';
import { partyOrganization } from './party-organization.js';
import type { OrgFacts } from './roster-facts.js';
import { unit } from './unit.js';

/** The demo bureau committee's id: its stream existing means the demo county of that seed is loaded. */
const demoBureauId = (id: DemoContext['id']) => id('org', 'bureau');

/**
 * The roster of the demo county: the units (the four pairing communities of seed 004 under their real
 * names, more public and private schools, kindergartens, training institutions), the bureau committee,
 * the schools' branches with their committees, 25 affiliated organisations hosting the small private
 * units, and three years of members (then `organizations-demo-roster.ts`).
 */
export const organizationsDemo: DemoPart = {
  isLoaded: async (store, id) => (await store.readStream(partyOrgStream(demoBureauId(id)), { limit: 1 })).length > 0,
  async seed(context) {
    const { random, run, id } = context;
    const units: DemoUnits = new Map();
    const addUnit = async (name: string, type: UnitType, district: string | null, centralSchool: string | null) => {
      const unitId = id('unit', name);
      await run(unitStream(unitId), unit, '2024-01-02', (s, m) =>
        registerUnit(command('RegisterUnit', { unitId, name, type, district, centralSchool }, m), s),
      );
      units.set(name, { id: unitId, type, district });
    };
    for (const [name, district, central] of data.PUBLIC_SCHOOLS)
      await addUnit(name, 'public_school', district, central);
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
      const orgId = key === 'bureau' ? demoBureauId(id) : id('org', key);
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
      await run(
        partyOrgStream(org.id),
        partyOrganization,
        termStart < '2024-01-02' ? '2024-01-02' : termStart,
        (s, m) => electCommittee(command('ElectCommittee', { orgId: org.id, termStart, termYears: 3 }, m), s),
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

    const members = await seedRoster(context, { units, orgs, ownBranch, hosted: hosted.map(([name]) => name), hosts });

    context.county.set(
      'units',
      [...units.entries()].map(([name, u]) => ({ name, ...u })),
    );
    context.county.set(
      'organisations',
      [...orgs.entries()].map(([key, o]) => ({ key, ...o })),
    );
    context.county.set('members', members);
    context.count('units', units.size);
    context.count('organisations', orgs.size);
    context.count('members', members.length);
  },
};
