import { command } from '../core/command-handling.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import { addDays, addMonths } from '../core/time/local-date.js';
import * as data from '../demo/county-data.js';
import { formPairing } from './commands/form-pairing.js';
import { logPartyBuilding, logTeaching } from './commands/log-activity.js';
import { assessNorm } from './commands/norms.js';
import { formSupportPair, giveSupport } from './commands/support-pairs.js';
import { DEFAULT_NORMS, pairing } from './pairing.js';
import { pairingStream, PARTY_BUILDING_KINDS, STUDENT_SITUATIONS, SUPPORT_KINDS } from './pairing.events.js';

/**
 * How keen each of the four pairs of seed 004 is: how many backbone teachers they train and how soon, how
 * many norms the helped school meets, how often they meet. 桥山中学 meets its teachers' target in its first
 * half-year; 东槐院小学 and 桥陵镇中心小学 fall behind the straight-line pace.
 */
const PLANS = [
  { teachers: 4, teachersWithinMonths: 5, norms: 4, everyMonths: 2, pairs: 3 },
  { teachers: 2, teachersWithinMonths: 14, norms: 3, everyMonths: 3, pairs: 2 },
  { teachers: 1, teachersWithinMonths: 10, norms: 1, everyMonths: 4, pairs: 1 },
  { teachers: 0, teachersWithinMonths: 12, norms: 1, everyMonths: 5, pairs: 1 },
] as const;

const TOPICS = ['课堂教学研讨', '班主任工作交流', '教学资源共享', '送教下乡公开课', '教研组联合备课'];
const JOINT = ['联合主题党日', '共建党员活动室', '共享党建台账范本', '联合开展党课'];

/** The current term starts on the 1 September two or three years back, so some three years of work lie behind. */
const termStart = (today: string) => `${Number(today.slice(0, 4)) - (today.slice(5) >= '09-01' ? 2 : 3)}-09-01`;

/**
 * The four pairing communities of seed 004 with their work since the term began: trainings naming their
 * backbone teachers, outreach and shared resources, one-to-one pairs of the helper schools' Party-member
 * teachers with students named by pseudonym, joint Party work and the norms judged. Pairing ids are
 * `id('pairing', <helper school>)`, which the evidence part files the year-end summaries against.
 */
export const pairingDemo: DemoPart = {
  async seed(context) {
    const { county, id, today, run, count } = context;
    const startOn = termStart(today);
    const unitId = (name: string) => county.get('units').find((u) => u.name === name)?.id;
    let pairings = 0;
    for (const [index, { helper, helped }] of data.PAIRINGS.entries()) {
      const helperId = unitId(helper);
      const helpedId = unitId(helped);
      if (!helperId || !helpedId) continue;
      const pairingId = id('pairing', helper);
      const stream = pairingStream(pairingId);
      await run(stream, pairing, startOn, (s, m) =>
        formPairing(
          command(
            'FormPairing',
            { pairingId, name: null, helperUnitId: helperId, helpedUnitIds: [helpedId], startOn, termYears: 3 },
            m,
          ),
          s,
          {
            units: {
              [helperId]: { name: helper, type: 'public_school' },
              [helpedId]: { name: helped, type: 'private_school' },
            },
            helperOrgId: county.organisation(helper).id,
          },
        ),
      );
      await seedWork(context, { pairingId, helperId, helpedId, startOn, plan: PLANS[index], index });
      pairings++;
    }
    count('pairings', pairings);
  },
};

const seedWork = async (
  { county, random, id, today, run }: DemoContext,
  w: {
    pairingId: string;
    helperId: string;
    helpedId: string;
    startOn: string;
    plan: (typeof PLANS)[number];
    index: number;
  },
) => {
  const stream = pairingStream(w.pairingId);
  const name = () =>
    `${random.pick([...data.SURNAMES])}${random.pick(random.chance(0.6) ? data.GIVEN_FEMALE : data.GIVEN_MALE)}`;
  const daysIn = (from: string, months: number) => addDays(from, random.int(0, Math.max(months * 30 - 1, 0)));
  const capped = (date: string) => (date > today ? today : date);
  let n = 0;
  const next = () => id('pairing-activity', `${w.index}-${n++}`);

  // 帮教: trainings naming the teachers (two at a time) within the plan's first months, then shared teaching.
  const teachers = new Set<string>();
  while (teachers.size < w.plan.teachers) teachers.add(name());
  for (let i = 0; i < teachers.size; i += 2) {
    const on = capped(daysIn(w.startOn, w.plan.teachersWithinMonths));
    await run(stream, pairing, on, (s, m) =>
      logTeaching(
        command(
          'LogTeaching',
          {
            pairingId: w.pairingId,
            activityId: next(),
            kind: 'training',
            on,
            title: '骨干教师培训',
            note: null,
            teachersTrained: [...teachers].slice(i, i + 2),
          },
          m,
        ),
        s,
      ),
    );
  }
  for (let month = 1; addMonths(w.startOn, month) <= today; month += w.plan.everyMonths) {
    const on = capped(daysIn(addMonths(w.startOn, month), 1));
    const kind = random.chance(0.3) ? 'teaching-outreach' : 'resource-sharing';
    await run(stream, pairing, on, (s, m) =>
      logTeaching(
        command(
          'LogTeaching',
          {
            pairingId: w.pairingId,
            activityId: next(),
            kind,
            on,
            title: random.pick(TOPICS),
            note: null,
            teachersTrained: [],
          },
          m,
        ),
        s,
      ),
    );
    if (month % (w.plan.everyMonths * 2) === 1) {
      const joint = capped(daysIn(on, 1));
      await run(stream, pairing, joint, (s, m) =>
        logPartyBuilding(
          command(
            'LogPartyBuilding',
            {
              pairingId: w.pairingId,
              activityId: next(),
              kind: random.pick(PARTY_BUILDING_KINDS),
              on: joint,
              title: random.pick(JOINT),
              note: null,
            },
            m,
          ),
          s,
        ),
      );
    }
  }

  // 帮困: the helper school's full members each take one student (pseudonymous initials), visited through the term.
  const members = county.get('members').filter((m) => m.unitId === w.helperId && m.status === 'active');
  for (const [p, member] of members.slice(0, w.plan.pairs).entries()) {
    const pairId = id('pairing-pair', `${w.index}-${p}`);
    const formedOn = capped(daysIn(addMonths(w.startOn, 1), 2));
    const student = `${String.fromCharCode(65 + random.int(0, 25))}${String.fromCharCode(65 + random.int(0, 25))}同学`;
    await run(stream, pairing, formedOn, (s, m) =>
      formSupportPair(
        command(
          'FormSupportPair',
          {
            pairingId: w.pairingId,
            pairId,
            memberId: member.id,
            student,
            situation: random.pick(STUDENT_SITUATIONS),
            helpedUnitId: w.helpedId,
            on: formedOn,
          },
          m,
        ),
        s,
        { name: member.name, unitId: member.unitId, active: true },
      ),
    );
    for (let on = addMonths(formedOn, 2); on <= today; on = addMonths(on, random.int(2, 4))) {
      const day = on;
      await run(stream, pairing, day, (s, m) =>
        giveSupport(
          command(
            'GiveSupport',
            {
              pairingId: w.pairingId,
              pairId,
              supportId: next(),
              kind: random.pick(SUPPORT_KINDS),
              on: day,
              note: null,
            },
            m,
          ),
          s,
        ),
      );
    }
  }

  // 帮党建: the norms judged met one after another through the term's first two years.
  for (const [k, norm] of DEFAULT_NORMS.slice(0, w.plan.norms).entries()) {
    const on = capped(addDays(addMonths(w.startOn, 4 + k * 4), random.int(0, 20)));
    await run(stream, pairing, on, (s, m) =>
      assessNorm(
        command('AssessNorm', { pairingId: w.pairingId, normKey: norm.key, met: true, on, note: null }, m),
        s,
        DEFAULT_NORMS,
      ),
    );
  }
};
