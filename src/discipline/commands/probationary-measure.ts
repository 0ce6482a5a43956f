import { z } from 'zod';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { DisciplineCase } from '../discipline-case.js';
import { PROBATIONARY_MEASURES, type ProbationaryMeasureTaken } from '../discipline.events.js';
import { decisionFields } from './decision.js';
import { decisionDate, openCase, refuse } from './refuse.js';

export const probationaryMeasureBody = z.strictObject({ measure: z.enum(PROBATIONARY_MEASURES), ...decisionFields });
export type TakeProbationaryMeasure = Command<
  'TakeProbationaryMeasure',
  Omit<z.output<typeof probationaryMeasureBody>, 'expectedRevision'> & { measureId: string }
>;

/**
 * A probationary member who violates discipline is criticised and educated, has the probation extended or
 * loses probationary status: the measures for them, and only for them. (Extending or cancelling the
 * probation itself is a step of membership development, decided there; this is the discipline record.)
 */
export const takeProbationaryMeasure = (
  { data, metadata }: TakeProbationaryMeasure,
  state: DisciplineCase,
): ProbationaryMeasureTaken => {
  openCase(state);
  decisionDate(state, data.decidedOn, metadata);
  if (state.category !== 'probationary' || !state.memberId)
    throw refuse(
      'measure-for-probationary-only',
      '批评教育、延长预备期、取消预备党员资格只适用于预备党员；正式党员给予党纪处分',
      'These measures are for probationary members only; full members receive Party sanctions',
      'measure',
    );
  if (state.measures.some((m) => m.measure === data.measure))
    throw refuse(
      'measure-already-taken',
      '本案已作出该处理',
      'This measure was already taken in the case',
      'measure',
      409,
    );
  return {
    type: 'ProbationaryMeasureTaken',
    data: {
      caseId: state.caseId,
      measureId: data.measureId,
      measure: data.measure,
      personId: state.personId,
      memberId: state.memberId,
      unitId: state.unitId,
      decidedOn: data.decidedOn,
      decidingBody: data.decidingBody,
      documentNumber: data.documentNumber,
    },
    metadata: { occurredAt: occurredOn(data.decidedOn), unitIds: [state.unitId] },
  };
};
