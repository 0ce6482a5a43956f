import { command } from '../core/command-handling.js';
import type { DemoContext, DemoMetadata, DemoPart } from '../core/demo/demo-part.js';
import { addDays, addMonths } from '../core/time/local-date.js';
import { imposeSanction } from './commands/impose-sanction.js';
import { openDisciplineCase } from './commands/open-case.js';
import { closeCase, confirmViolation, disqualify } from './commands/teacher-ethics.js';
import { disciplineCase, type DisciplineCase } from './discipline-case.js';
import { disciplineCaseStream, type DisciplineEvent } from './discipline.events.js';

const BODY = '中共蒲城县教育局委员会';
const doc = (year: string, n: number) => `蒲教党纪〔${year}〕${n}号`;

/**
 * A few discipline cases in the demo county, picked without drawing from the seeded random source (the
 * parts after this one stay as they were): a Party warning (the commendations part vetoes its member), a
 * teacher-ethics double punishment (Party and administrative sanctions and a 24-month disqualification),
 * and a 留党察看 whose term has ended without a decision (E4 overdue). Case ids are `id('disciplineCase', key)`.
 */
export const disciplineDemo: DemoPart = {
  async seed({ county, id, today, run, count }: DemoContext) {
    const members = county.get('members').filter((m) => m.status === 'active' && m.category === 'full');
    const distinct = members.filter((m, i) => members.findIndex((x) => x.unitId === m.unitId) === i);
    if (distinct.length < 3) return;
    const [warned, teacher, probation] = [distinct[0], distinct[1], distinct[2]];
    const open = async (
      key: string,
      member: (typeof members)[number],
      kind: 'misconduct' | 'teacher_ethics_violation',
      on: string,
      summary: string,
    ) => {
      const caseId = id('disciplineCase', key);
      await run(disciplineCaseStream(caseId), disciplineCase, on, (s, m) =>
        openDisciplineCase(
          command(
            'OpenDisciplineCase',
            { caseId, personId: caseId, kind, memberId: member.id, manager: false, openedOn: on, summary },
            m,
          ),
          s,
          {
            memberId: member.id,
            name: member.name,
            category: 'full',
            status: 'active',
            unitId: member.unitId,
            orgId: member.orgId,
            teaches: true,
          },
        ),
      );
      return caseId;
    };
    const decide = (
      caseId: string,
      on: string,
      decider: (state: DisciplineCase, metadata: DemoMetadata) => DisciplineEvent | DisciplineEvent[],
    ) => run(disciplineCaseStream(caseId), disciplineCase, on, decider);

    // The warning: decided on 5 June of the year whose 两优一先 the commendations part seeds.
    const cycleYear = today >= `${today.slice(0, 4)}-06-20` ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    const warnedOn = `${cycleYear}-06-05`;
    const warning = await open('warning', warned, 'misconduct', `${cycleYear}-05-25`, '违反工作纪律，擅离职守');
    await decide(warning, warnedOn, (s, m) =>
      imposeSanction(
        command(
          'ImposeSanction',
          {
            sanctionId: id('sanction', 'warning'),
            track: 'party',
            measure: 'warning',
            decidedOn: warnedOn,
            decidingBody: BODY,
            documentNumber: doc(String(cycleYear), 3),
          },
          m,
        ),
        s,
      ),
    );

    // The double punishment, ten months ago.
    const ethicsOn = addMonths(today, -10);
    const y = ethicsOn.slice(0, 4);
    const ethics = await open('ethics', teacher, 'teacher_ethics_violation', ethicsOn, '有偿补课，经查属实');
    const confirmedOn = addDays(ethicsOn, 14);
    const decidedOn = addDays(ethicsOn, 30);
    await decide(ethics, confirmedOn, (s, m) =>
      confirmViolation(
        command(
          'ConfirmEthicsViolation',
          {
            findings: '组织学生有偿补课，收取费用',
            decidedOn: confirmedOn,
            decidingBody: BODY,
            documentNumber: doc(y, 5),
          },
          m,
        ),
        s,
      ),
    );
    await decide(ethics, decidedOn, (s, m) =>
      imposeSanction(
        command(
          'ImposeSanction',
          {
            sanctionId: id('sanction', 'ethics-party'),
            track: 'party',
            measure: 'serious_warning',
            decidedOn,
            decidingBody: BODY,
            documentNumber: doc(y, 6),
          },
          m,
        ),
        s,
      ),
    );
    await decide(ethics, decidedOn, (s, m) =>
      imposeSanction(
        command(
          'ImposeSanction',
          {
            sanctionId: id('sanction', 'ethics-admin'),
            track: 'administrative',
            measure: 'demerit',
            decidedOn,
            decidingBody: '蒲城县教育局',
            documentNumber: `蒲教发〔${y}〕7号`,
          },
          m,
        ),
        s,
      ),
    );
    await decide(ethics, decidedOn, (s, m) =>
      disqualify(
        command(
          'DisqualifyFromCommendation',
          {
            disqualificationId: id('disqualification', 'ethics'),
            months: 24,
            decidedOn,
            decidingBody: '蒲城县教育局',
            documentNumber: `蒲教发〔${y}〕7号`,
          },
          m,
        ),
        s,
      ),
    );
    await decide(ethics, addDays(decidedOn, 2), (s, m) =>
      closeCase(command('CloseDisciplineCase', { closedOn: addDays(decidedOn, 2), conclusion: 'decided' }, m), s),
    );

    // 留党察看 for a year, 13 months ago: the branch's decision (E4) is overdue.
    const probationOn = addMonths(today, -13);
    const probationCase = await open(
      'probation',
      probation,
      'misconduct',
      addDays(probationOn, -20),
      '违反组织纪律，情节较重',
    );
    await decide(probationCase, probationOn, (s, m) =>
      imposeSanction(
        command(
          'ImposeSanction',
          {
            sanctionId: id('sanction', 'probation'),
            track: 'party',
            measure: 'party_probation',
            months: 12,
            decidedOn: probationOn,
            decidingBody: BODY,
            documentNumber: doc(probationOn.slice(0, 4), 9),
          },
          m,
        ),
        s,
      ),
    );
    count('discipline cases', 3);
  },
};
