import { z } from 'zod';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { standing, type DisciplineCase } from '../discipline-case.js';
import {
  ADMINISTRATIVE_SANCTIONS,
  MEASURE_LABELS,
  PARTY_SANCTIONS,
  type AdministrativeSanction,
  type Decision,
  type SanctionImposed,
  type SanctionMeasure,
  type SanctionTrack,
} from '../discipline.events.js';
import { periodFrom, periodsInForceOn, type PeriodBook } from '../periods.js';
import { decisionFields } from './decision.js';
import { decisionDate, openCase, refuse } from './refuse.js';

export const imposeSanctionBody = z.strictObject({
  track: z.enum(['party', 'administrative']),
  measure: z.enum([...new Set([...PARTY_SANCTIONS, ...ADMINISTRATIVE_SANCTIONS])] as [
    SanctionMeasure,
    ...SanctionMeasure[],
  ]),
  /** 留党察看 only: 12 or 24 months (the period table's terms). */
  months: z.number().int().min(1).max(240).optional(),
  ...decisionFields,
});

export type ImposeSanction = Command<
  'ImposeSanction',
  Omit<z.output<typeof imposeSanctionBody>, 'expectedRevision'> & { sanctionId: string }
>;

/** 事业单位工作人员处分规定 (2023): managers get the six of the 政务处分法, other staff four. */
const FOR_MANAGERS: readonly AdministrativeSanction[] = [
  'warning',
  'demerit',
  'major_demerit',
  'demotion',
  'dismissal_from_post',
  'dismissal',
];
const FOR_STAFF: readonly AdministrativeSanction[] = ['warning', 'demerit', 'post_grade_demotion', 'dismissal'];

const label = (track: SanctionTrack, measure: string) => MEASURE_LABELS[track][measure] ?? { zh: measure, en: measure };

/** Who may receive a sanction of this track at all: the rules of §5 that come before any period. */
const checkSubject = (state: DisciplineCase, track: SanctionTrack, measure: SanctionMeasure) => {
  if (track === 'party') {
    if (!(PARTY_SANCTIONS as readonly string[]).includes(measure))
      throw refuse(
        'not-a-party-sanction',
        `“${measure}”不是党纪处分种类`,
        `"${measure}" is not a Party sanction`,
        'measure',
      );
    if (state.category === 'non_member')
      throw refuse(
        'party-sanction-non-member',
        '非党员不能给予党纪处分',
        'A non-member cannot receive a Party sanction',
        'track',
      );
    if (state.category === 'probationary')
      throw refuse(
        'probationary-member-no-sanction',
        '预备党员违犯党纪，不适用党纪处分：应予批评教育、延长预备期或取消预备党员资格（《中国共产党纪律处分条例》）',
        'A probationary member receives no Party sanction: criticism and education, an extended probation or cancellation of probationary status instead',
        'track',
      );
    return;
  }
  const allowed = state.manager ? FOR_MANAGERS : FOR_STAFF;
  if (!(allowed as readonly string[]).includes(measure))
    throw refuse(
      state.manager ? 'measure-not-for-managers' : 'measure-for-managers-only',
      state.manager
        ? `“${label(track, measure).zh}”不适用于管理人员（适用：警告、记过、记大过、降级、撤职、开除）`
        : `“${label(track, measure).zh}”仅适用于从事管理的人员（其他工作人员适用：警告、记过、降低岗位等级、开除）`,
      state.manager
        ? `${label(track, measure).en} does not apply to managers (warning, demerit, major demerit, demotion, dismissal from post, dismissal)`
        : `${label(track, measure).en} applies to managers only (other staff: warning, demerit, post-grade demotion, dismissal)`,
      'measure',
    );
};

/** The period of the measure from the table in force on the decision date. */
export const periodOf = (
  track: SanctionTrack,
  measure: SanctionMeasure,
  decidedOn: string,
  chosen: number | undefined,
  book?: PeriodBook,
) => {
  const table = periodsInForceOn(decidedOn, book);
  let months: number | null;
  if (track === 'party' && measure === 'party_probation') {
    const terms = table.party.party_probation;
    if (chosen === undefined || !terms.includes(chosen))
      throw refuse(
        'party-probation-term',
        `留党察看期限为 ${terms.join(' 或 ')} 个月`,
        `Probation within the Party lasts ${terms.join(' or ')} months`,
        'months',
      );
    months = chosen;
  } else {
    months =
      track === 'party'
        ? (table.party[measure as keyof typeof table.party] as number)
        : table.administrative[measure as AdministrativeSanction];
  }
  const period = months === null ? { lastDay: null, freeFrom: null } : periodFrom(decidedOn, months);
  return { periodTable: table.id, months, ...period };
};

/**
 * A sanction as its own record (domain.md §5): one standing sanction per track in a case, for whom its
 * track applies (no Party sanction for a probationary member or a non-member; administrative ones by the
 * staff's role), in a teacher-ethics case only once the violation is confirmed, with the period in force.
 */
export const imposeSanction = (command: ImposeSanction, state: DisciplineCase, book?: PeriodBook): SanctionImposed => {
  const { data, metadata } = command;
  openCase(state);
  decisionDate(state, data.decidedOn, metadata);
  checkSubject(state, data.track, data.measure);
  if (state.kind === 'teacher_ethics_violation' && !state.violationConfirmedOn)
    throw refuse(
      'ethics-not-confirmed',
      '须先认定师德失范事实，再作出处分',
      'Confirm the teacher-ethics violation before sanctioning it',
      'measure',
    );
  const same = standing(state).find((s) => s.track === data.track);
  if (same)
    throw refuse(
      'sanction-already-imposed',
      `本案已作出${data.track === 'party' ? '党纪' : '政务（行政）'}处分（${label(same.track, same.measure).zh}，${same.decidedOn}）`,
      `The case already has a ${data.track} sanction (${label(same.track, same.measure).en}, ${same.decidedOn})`,
      'track',
      409,
    );
  const decision: Decision = {
    decidedOn: data.decidedOn,
    decidingBody: data.decidingBody,
    documentNumber: data.documentNumber,
  };
  return {
    type: 'SanctionImposed',
    data: {
      caseId: state.caseId,
      sanctionId: data.sanctionId,
      track: data.track,
      measure: data.measure,
      personId: state.personId,
      memberId: state.memberId,
      unitId: state.unitId,
      orgId: state.orgId,
      ...decision,
      ...periodOf(data.track, data.measure, data.decidedOn, data.months, book),
    },
    metadata: { occurredAt: occurredOn(data.decidedOn), unitIds: [state.unitId] },
  };
};
