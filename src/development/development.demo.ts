import { addDays } from '../core/time/local-date.js';
import * as data from '../demo/county-data.js';
import type { DemoPart } from '../core/demo/demo-part.js';
import { developmentCase } from './development-case.js';
import { seedDevelopmentCase, type CaseVariant } from './development-demo-cases.js';
import { developmentStream } from './development.events.js';

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

/** Cases in the helped schools of the pairing communities that have branches of their own: school, days ago. */
const HELPED_SCHOOL_PLAN: [string, number][] = [
  ['兴华学校', 880],
  ['兴华学校', 940],
  ['兴华学校', 1000],
  ['雏鹰学校', 960],
];

/**
 * Membership development in the demo county: cases at every stage in the public schools' branches (every
 * third in 桥山中学's, whose secretary is a demo account), dated back from today (the clock's), some overdue.
 * Contacts and voters are the branches' active full members as the roster stands after its history.
 */
export const developmentDemo: DemoPart = {
  async seed({ county, random, id, today, run, count }) {
    const qiaoshanBranch = county.organisation('桥山中学');
    const publicBranches = data.PUBLIC_SCHOOLS.map(([name]) => county.organisation(name));
    const members = county.get('members');
    const activeFullMembers = (orgId: string) =>
      members.flatMap((m) =>
        m.status === 'active' && m.orgId === orgId && m.category === 'full' ? [{ memberId: m.id, name: m.name }] : [],
      );
    let cases = 0;
    const seedCase = async (
      n: number | string,
      daysAgo: number,
      variant: CaseVariant,
      org: { id: string; unitIds: string[] },
    ) => {
      const fullMembers = activeFullMembers(org.id);
      if (fullMembers.length < 3) return; // too small a branch to vote: the plan skips it
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
      cases++;
    };
    for (const [n, [daysAgo, variant]] of DEVELOPMENT_PLAN.entries())
      await seedCase(n, daysAgo, variant, n % 3 === 0 ? qiaoshanBranch : random.pick(publicBranches));
    // The pairing communities count the new members their helped schools develop (C4): 兴华学校 three, 雏鹰学校 one.
    for (const [k, [school, daysAgo]] of HELPED_SCHOOL_PLAN.entries())
      await seedCase(`helped-${k}`, daysAgo, 'ordinary', county.organisation(school));
    count('developmentCases', cases);
  },
};
