import { z } from 'zod';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import { standing, type DisciplineCase } from '../discipline-case.js';
import type {
  CommendationDisqualified,
  DisciplineCaseClosed,
  TeacherEthicsViolationConfirmed,
} from '../discipline.events.js';
import { periodFrom, periodsInForceOn, type PeriodBook } from '../periods.js';
import { decisionFields } from './decision.js';
import { decisionDate, openCase, refuse } from './refuse.js';

export const confirmViolationBody = z.strictObject({ findings: text(2000), ...decisionFields });
export const disqualifyBody = z.strictObject({ months: z.number().int().min(1).max(240), ...decisionFields });
export const closeCaseBody = z.strictObject({
  closedOn: localDate(),
  conclusion: z.enum(['decided', 'unfounded']),
  expectedRevision: z.number().int().min(0).optional(),
});

type Without<T> = Omit<T, 'expectedRevision'>;
export type ConfirmViolation = Command<'ConfirmEthicsViolation', Without<z.output<typeof confirmViolationBody>>>;
export type Disqualify = Command<
  'DisqualifyFromCommendation',
  Without<z.output<typeof disqualifyBody>> & { disqualificationId: string }
>;
export type CloseCase = Command<'CloseDisciplineCase', Without<z.output<typeof closeCaseBody>>>;

const ethicsCase = (state: DisciplineCase) => {
  openCase(state);
  if (state.kind !== 'teacher_ethics_violation')
    throw refuse('not-an-ethics-case', '本案不是师德失范案件', 'This is not a teacher-ethics case', undefined, 409);
};

export const confirmViolation = (
  { data, metadata }: ConfirmViolation,
  state: DisciplineCase,
): TeacherEthicsViolationConfirmed => {
  ethicsCase(state);
  decisionDate(state, data.decidedOn, metadata);
  if (state.violationConfirmedOn)
    throw refuse(
      'ethics-already-confirmed',
      `已于 ${state.violationConfirmedOn} 认定`,
      `Already confirmed on ${state.violationConfirmedOn}`,
      undefined,
      409,
    );
  const { decidedOn, decidingBody, documentNumber, findings } = data;
  return {
    type: 'TeacherEthicsViolationConfirmed',
    data: {
      caseId: state.caseId,
      personId: state.personId,
      unitId: state.unitId,
      findings,
      decidedOn,
      decidingBody,
      documentNumber,
    },
    metadata: { occurredAt: occurredOn(decidedOn), unitIds: [state.unitId] },
  };
};

/** E8: loss of eligibility for commendations, at least the table's minimum (24 months) from the decision. */
export const disqualify = (
  { data, metadata }: Disqualify,
  state: DisciplineCase,
  book?: PeriodBook,
): CommendationDisqualified => {
  ethicsCase(state);
  decisionDate(state, data.decidedOn, metadata);
  if (!state.violationConfirmedOn)
    throw refuse(
      'ethics-not-confirmed',
      '须先认定师德失范事实',
      'Confirm the teacher-ethics violation first',
      'months',
    );
  const minimum = periodsInForceOn(data.decidedOn, book).ethicsDisqualificationMinimumMonths;
  if (data.months < minimum)
    throw refuse(
      'ethics-disqualification-minimum',
      `师德失范取消评先评优资格的期限不少于 ${minimum} 个月`,
      `A teacher-ethics disqualification lasts at least ${minimum} months`,
      'months',
    );
  if (state.disqualifications.length)
    throw refuse(
      'already-disqualified',
      '本案已取消评先评优资格',
      'The case already disqualifies from commendations',
      'months',
      409,
    );
  const { decidedOn, decidingBody, documentNumber, months } = data;
  return {
    type: 'CommendationDisqualified',
    data: {
      caseId: state.caseId,
      disqualificationId: data.disqualificationId,
      personId: state.personId,
      unitId: state.unitId,
      months,
      ...periodFrom(decidedOn, months),
      decidedOn,
      decidingBody,
      documentNumber,
    },
    metadata: { occurredAt: occurredOn(decidedOn), unitIds: [state.unitId] },
  };
};

/** What a confirmed teacher-ethics violation still lacks before the case may close (domain.md §5.3). */
export const missingForEthicsClosure = (state: DisciplineCase): { zh: string; en: string }[] => {
  const tracks = new Set(standing(state).map((s) => s.track));
  const missing: { zh: string; en: string }[] = [];
  // "是中共党员的，同时给予党纪处分": a probationary member receives the measures for them instead.
  if (state.category === 'full' && !tracks.has('party')) missing.push({ zh: '党纪处分', en: 'a Party sanction' });
  if (state.category === 'probationary' && !state.measures.length)
    missing.push({ zh: '对预备党员的处理', en: 'a measure for the probationary member' });
  if (!tracks.has('administrative')) missing.push({ zh: '政务（行政）处分', en: 'an administrative sanction' });
  if (!state.disqualifications.length) missing.push({ zh: '取消评先评优资格', en: 'a commendation disqualification' });
  return missing;
};

/**
 * Closes a case. A confirmed teacher-ethics violation closes only with the whole double punishment: the
 * Party sanction (for a member), the administrative sanction and the disqualification (E8). A case closed
 * as unfounded has no violation confirmed.
 */
export const closeCase = ({ data, metadata }: CloseCase, state: DisciplineCase): DisciplineCaseClosed => {
  openCase(state);
  decisionDate(state, data.closedOn, metadata, 'closedOn');
  const decided = state.violationConfirmedOn !== null || state.sanctions.length > 0 || state.measures.length > 0;
  if (data.conclusion === 'unfounded' && decided)
    throw refuse(
      'closed-unfounded-with-decisions',
      '已有认定或处分的案件不能以“不成立”结案',
      'A case with decisions cannot close as unfounded',
      'conclusion',
    );
  if (data.conclusion === 'decided' && !decided)
    throw refuse(
      'closed-without-decision',
      '尚未作出任何决定，不能以“已处理”结案',
      'No decision was taken: the case cannot close as decided',
      'conclusion',
    );
  if (state.kind === 'teacher_ethics_violation' && state.violationConfirmedOn) {
    const missing = missingForEthicsClosure(state);
    if (missing.length)
      throw refuse(
        'dual-punishment-incomplete',
        `师德失范案件须同时作出：${missing.map((m) => m.zh).join('、')}（双重处罚；取消评先评优资格不少于 24 个月）`,
        `A teacher-ethics case closes with all of: ${missing.map((m) => m.en).join(', ')} (double punishment; disqualification of at least 24 months)`,
        'conclusion',
      );
  }
  return {
    type: 'DisciplineCaseClosed',
    data: { caseId: state.caseId, personId: state.personId, closedOn: data.closedOn, conclusion: data.conclusion },
    metadata: { occurredAt: occurredOn(data.closedOn), unitIds: [state.unitId] },
  };
};
