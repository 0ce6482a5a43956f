import { command } from '../core/command-handling.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import type { RoleGranted } from '../auth/auth.events.js';
import { userStream } from '../auth/auth.events.js';
import type { UnitAffiliated } from '../organizations/organizations.events.js';
import { unitStream } from '../organizations/organizations.events.js';
import { addMonths, endOfMonth, type LocalDate } from '../core/time/local-date.js';
import { confirmOrgLife } from './commands/confirm-org-life.js';
import { dispatchInstructor } from './commands/dispatch-instructor.js';
import { endDispatch } from './commands/end-dispatch.js';
import { logVisit } from './commands/log-visit.js';
import { affiliatedOrgStream, instructorStream, VISIT_DUTIES, type InstructorEvent } from './instructors.events.js';
import { affiliatedOrg, instructor } from './instructor.js';

const DEMO_INSTRUCTORS = 108;
/** Months of visits seeded before the current one: the calendar's year and a little more. */
const MONTHS_BACK = 14;

const NOTES = [
  '宣讲教育政策变化，座谈交流',
  '检查党群活动室建设情况',
  '听取学校意见，协调归口股室',
  '指导开展主题教育活动',
  '帮助解决办学中的实际困难',
  null,
];

const firstOf = (month: string): LocalDate => `${month}-01`;
const dayIn = (month: string, day: number): LocalDate => `${month}-${String(day).padStart(2, '0')}`;
const earlier = (a: LocalDate, b: LocalDate) => (a < b ? a : b);

/** The units the demo account `username` was granted as an instructor (auth's part made them). */
const grantedUnits = async ({ store }: DemoContext, username: string): Promise<string[]> => {
  const events = await store.readStream(userStream(username));
  const grant = events.filter((e) => e.type === 'RoleGranted').at(-1) as unknown as RoleGranted | undefined;
  return grant?.data.role === 'instructor' ? grant.data.unitIds : [];
};

/**
 * The 108 demo instructors (auth's demo accounts) become real dispatches to exactly the units their
 * accounts are scoped to, from a day 12–14 months ago; a few ended since. Each month they visit each unit
 * once or twice, except some months missed (a handful of instructors miss often); this month's visit is
 * done for about half. The 25 affiliated organisations confirm most months of the last year, with gaps.
 */
export const instructorsDemo: DemoPart = {
  isLoaded: async (store) => (await store.readStream(instructorStream('instructor-001'), { limit: 1 })).length > 0,
  async seed(context) {
    const { random, run, id, today, county, count } = context;
    const current = today.slice(0, 7);
    let dispatches = 0;
    let visits = 0;
    for (let n = 1; n <= DEMO_INSTRUCTORS; n++) {
      const username = `instructor-${String(n).padStart(3, '0')}`;
      const unitIds = await grantedUnits(context, username);
      if (!unitIds.length) continue;
      const stream = instructorStream(username);
      // A few are careless: they miss a month in three.
      const missRate = random.chance(0.12) ? 0.35 : 0.08;
      const startMonth = addMonths(firstOf(current), -random.int(MONTHS_BACK - 2, MONTHS_BACK)).slice(0, 7);
      const startOn = dayIn(startMonth, random.int(1, 20));
      const ended = unitIds.length > 1 && random.chance(0.1);
      const endOn = ended ? endOfMonth(addMonths(firstOf(current), -random.int(2, 5))) : null;
      const units = unitIds.map((unitId, i) => ({
        unitId,
        dispatchId: id('instructor-dispatch', `${username}:${unitId}`),
        endOn: i === unitIds.length - 1 ? endOn : null,
      }));
      await run(stream, instructor, startOn, (state, m) => {
        let s = state;
        const decided: InstructorEvent[] = [];
        for (const u of units) {
          const event = dispatchInstructor(
            command(
              'DispatchInstructor',
              {
                dispatchId: u.dispatchId,
                instructorId: username,
                unitId: u.unitId,
                startOn,
                endOn: null,
                note: null,
              },
              m,
            ),
            s,
            { instructor: { displayName: username }, unit: { name: u.unitId } },
          );
          s = instructor.evolve(s, event);
          decided.push(event);
        }
        return decided;
      });
      dispatches += units.length;
      // Month by month, each decided on the month's last day (or today): the visits logged that month.
      for (let month = startMonth; month <= current; month = addMonths(firstOf(month), 1).slice(0, 7)) {
        const decidedOn = earlier(endOfMonth(firstOf(month)), today);
        const plans = units.flatMap((u) => {
          if (u.endOn && firstOf(month) > u.endOn) return [];
          const first = month === startMonth ? Number(startOn.slice(8)) : 1;
          const last = Number(earlier(u.endOn ?? decidedOn, decidedOn).slice(8));
          if (last < first) return [];
          const skip = month === current ? random.chance(0.5) : random.chance(missRate);
          if (skip) return [];
          const days = [
            ...new Set([random.int(first, last), ...(random.chance(0.2) ? [random.int(first, last)] : [])]),
          ];
          return days.map((day) => ({ unitId: u.unitId, visitedOn: dayIn(month, day) }));
        });
        if (!plans.length) continue;
        await run(stream, instructor, decidedOn, (state, m) => {
          let s = state;
          return plans.map((plan) => {
            const duties = VISIT_DUTIES.filter(() => random.chance(0.35));
            const event = logVisit(
              command(
                'LogVisit',
                {
                  visitId: id('instructor-visit', `${username}:${plan.unitId}:${plan.visitedOn}`),
                  instructorId: username,
                  unitId: plan.unitId,
                  visitedOn: plan.visitedOn,
                  duties: duties.length ? duties : ['publicise_policy'],
                  note: random.pick(NOTES),
                },
                m,
              ),
              s,
            );
            s = instructor.evolve(s, event);
            return event;
          });
        });
        visits += plans.length;
      }
      for (const u of units.filter((u) => u.endOn))
        await run(stream, instructor, u.endOn!, (s, m) =>
          endDispatch(
            command(
              'EndDispatch',
              { dispatchId: u.dispatchId, instructorId: username, endOn: u.endOn!, reason: '工作调整' },
              m,
            ),
            s,
          ),
        );
    }
    count('instructorDispatches', dispatches);
    count('instructorVisits', visits);

    // C6: the affiliated organisations and the units they host, as the roster's part affiliated them.
    const hosted = new Map<string, { unitIds: string[]; since: LocalDate }>();
    for (const unit of county.get('units')) {
      if (unit.type === 'public_school' || unit.type === 'bureau_organ') continue;
      const events = await context.store.readStream(unitStream(unit.id));
      const affiliation = events.filter((e) => e.type === 'UnitAffiliated').at(-1) as unknown as
        UnitAffiliated | undefined;
      if (!affiliation || events.at(-1)?.type === 'UnitAffiliationEnded') continue;
      const entry = hosted.get(affiliation.data.hostOrgId) ?? { unitIds: [], since: affiliation.data.since };
      entry.unitIds.push(unit.id);
      if (affiliation.data.since < entry.since) entry.since = affiliation.data.since;
      hosted.set(affiliation.data.hostOrgId, entry);
    }
    let confirmations = 0;
    for (const org of county.get('organisations').filter((o) => o.kind === 'affiliated_party_org')) {
      const host = hosted.get(org.id);
      if (!host) continue;
      const negligent = random.chance(0.15);
      for (let back = 11; back >= 0; back--) {
        const month = addMonths(firstOf(current), -back).slice(0, 7);
        if (firstOf(month) < host.since.slice(0, 8) + '01') continue;
        if (random.chance(back === 0 ? 0.6 : negligent ? 0.4 : 0.1)) continue;
        const confirmedOn = earlier(dayIn(month, random.int(20, 28)), today);
        await run(affiliatedOrgStream(org.id), affiliatedOrg, confirmedOn, (s, m) =>
          confirmOrgLife(
            command('ConfirmOrgLife', { orgId: org.id, month, note: '所属单位党员按时参加挂靠党组织的组织生活' }, m),
            s,
            { org: { name: org.name }, hostedUnitIds: [...host.unitIds].sort() },
          ),
        );
        confirmations++;
      }
    }
    count('affiliatedOrgConfirmations', confirmations);
  },
};
