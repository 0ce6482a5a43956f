import { command } from '../core/command-handling.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import { seededRandom } from '../core/demo/random.js';
import { addDays, addMonths } from '../core/time/local-date.js';
import { recordMeeting, type MeetingFacts } from './commands/record-meeting.js';
import { commentLesson } from './commands/comment-lesson.js';
import { selectTypicalCase } from './commands/select-typical-case.js';
import { submitTypicalCase } from './commands/submit-typical-case.js';
import { meeting } from './meeting.js';
import { meetingStream, typicalCaseStream, type MeetingKind } from './organizational-life.events.js';
import { BRANCH_KINDS } from './projections/orglife-branches.projection.js';
import { typicalCase } from './typical-case.js';

const TOPICS: Record<MeetingKind, readonly string[]> = {
  branch_general_meeting: ['学习贯彻党的二十届四中全会精神', '讨论本季度党建工作安排', '通报党费收缴和发展党员情况'],
  branch_committee_meeting: ['研究本月支部工作', '研究发展党员工作', '部署主题党日活动'],
  party_group_meeting: ['党小组学习讨论'],
  party_lesson: ['立德树人与师德师风', '新时代教育强国建设', '学习党章党规', '从党史中汲取奋进力量'],
  theme_party_day: ['重温入党誓词', '党员志愿服务进社区', '红色教育基地参观学习', '集中学习党的创新理论'],
  org_life_meeting: ['年度组织生活会暨批评与自我批评'],
  member_democratic_appraisal: ['年度民主评议党员'],
};
const CASES = [
  ['“党建+课堂”党员示范岗', '党员教师带头开展课堂教学改革，形成可推广的经验。'],
  ['帮扶共同体结对送教', '公办学校党支部与民办学校结对，送教下乡、共享课程资源。'],
  ['留守儿童“一对一”关爱', '党员教师与留守学生结对，坚持家访和学业辅导。'],
  ['支部标准化建设“五个一”', '规范支部设置、组织生活和阵地建设，做到有制度、有台账。'],
  ['主题党日进社区', '每月10日开展主题党日，党员志愿服务进社区。'],
  ['轮流讲党课激活组织生活', '党员教师轮流讲党课，书记逐一点评，提升党课质量。'],
] as const;

type Random = ReturnType<typeof seededRandom>;

/** Who attends: nearly everyone, now and then a general meeting that falls short of its quorum. */
const attendance = (random: Random, ids: string[], shortOfQuorum: boolean) => {
  const present = ids.filter(() => (shortOfQuorum ? random.chance(0.35) : random.chance(0.9)));
  if (present.length === 0) present.push(ids[0]);
  const rest = ids.filter((id) => !present.includes(id));
  return { present, absentWithLeave: rest.filter((_, i) => i % 2 === 0), absent: rest.filter((_, i) => i % 2 === 1) };
};

/**
 * A year of organisational life in the demo county: every branch's theme Party days (on the 10th),
 * committee meetings (branches of a school, which have committees), quarterly general meetings and Party
 * lessons (given in turn by a member or a two-member group, most commented on by the secretary), and last
 * December's organisational life meeting and democratic appraisal, with a few gaps and a few general
 * meetings short of their quorum; and a handful of typical cases, some selected for this year's conference.
 * It draws from its own random source (seeded from the county's), so the parts after it come out as before.
 */
export const organizationalLifeDemo: DemoPart = {
  async seed(context) {
    const { county, today, run, id, count } = context;
    const random = seededRandom(context.seed * 31 + 12);
    const members = county.get('members').filter((m) => m.status === 'active');
    const branches = county.get('organisations').filter((o) => BRANCH_KINDS.includes(o.kind));
    const firstMonth = addMonths(`${today.slice(0, 7)}-01`, -12);
    let meetings = 0;
    for (const org of branches) {
      const roster = members.filter((m) => m.orgId === org.id);
      if (roster.length === 0) continue;
      const ids = roster.map((m) => m.id);
      const facts: MeetingFacts = {
        orgExists: true,
        unitIds: [...new Set([...org.unitIds, ...roster.map((m) => m.unitId)])],
        roster: roster.map((m) => ({ id: m.id, category: m.category === 'full' ? 'full' : 'probationary' })),
        unknownLecturers: [],
      };
      const hasCommittee = !org.key.startsWith('host-');
      const hold = async (kind: MeetingKind, heldOn: string, key: string) => {
        if (heldOn >= today || random.chance(0.07)) return null; // not yet, or a gap
        const meetingId = id('orglife', `${org.key}/${key}`);
        const lesson = kind === 'party_lesson';
        const lecturers = lesson
          ? random.chance(0.6)
            ? [random.pick(ids)]
            : [...new Set([random.pick(ids), random.pick(ids)])]
          : [];
        const data = {
          meetingId,
          orgId: org.id,
          kind,
          heldOn,
          topic: random.pick(TOPICS[kind]),
          attendance: attendance(random, ids, kind === 'branch_general_meeting' && random.chance(0.08)),
          lecturers,
          lessonGroup: lecturers.length > 1 ? '党员讲课小组' : null,
        };
        await run(meetingStream(meetingId), meeting, heldOn, (s, m) =>
          recordMeeting(command('RecordMeeting', data, m), s, facts),
        );
        meetings++;
        return meetingId;
      };
      for (let month = firstMonth; month <= today; month = addMonths(month, 1)) {
        const n = Number(month.slice(5, 7));
        await hold('theme_party_day', addDays(month, 9), `theme/${month}`);
        if (hasCommittee)
          await hold('branch_committee_meeting', addDays(month, random.int(2, 7)), `committee/${month}`);
        if (n % 3 === 2) await hold('branch_general_meeting', addDays(month, random.int(12, 20)), `general/${month}`);
        if (n % 3 === 0) {
          const heldOn = addDays(month, random.int(14, 24));
          const lessonId = await hold('party_lesson', heldOn, `lesson/${month}`);
          const on = addDays(heldOn, random.int(1, 6));
          if (lessonId && on < today && random.chance(0.8))
            await run(meetingStream(lessonId), meeting, on, (s, m) =>
              commentLesson(
                command('CommentLesson', { meetingId: lessonId, comment: '联系教育教学实际，讲得深入浅出', on }, m),
                s,
              ),
            );
        }
        if (n === 12) {
          await hold('org_life_meeting', addDays(month, random.int(14, 22)), `org-life/${month}`);
          await hold('member_democratic_appraisal', addDays(month, random.int(23, 27)), `appraisal/${month}`);
        }
      }
    }
    await seedTypicalCases(
      context,
      random,
      branches.filter((o) => !o.key.startsWith('host-') && o.unitIds.length > 0),
    );
    count('orgLifeMeetings', meetings);
  },
};

const seedTypicalCases = async (
  { run, id, today }: DemoContext,
  random: Random,
  branches: { id: string; unitIds: string[] }[],
) => {
  for (const [n, [title, summary]] of CASES.entries()) {
    const org = random.pick(branches);
    const caseId = id('typicalCase', n);
    const submittedOn = addDays(today, -random.int(30, 200));
    const data = { caseId, orgId: org.id, unitId: org.unitIds[0], title, summary, submittedOn };
    await run(typicalCaseStream(caseId), typicalCase, submittedOn, (s, m) =>
      submitTypicalCase(command('SubmitTypicalCase', data, m), s, { orgExists: true, covers: true }),
    );
    if (n % 2 === 1) continue;
    const on = addDays(submittedOn, random.int(5, 20));
    if (on >= today) continue;
    const choice = { caseId, conferenceYear: Number(today.slice(0, 4)), note: '在年度党建工作会议上交流', on };
    await run(typicalCaseStream(caseId), typicalCase, on, (s, m) =>
      selectTypicalCase(command('SelectTypicalCase', choice, m), s),
    );
  }
};
