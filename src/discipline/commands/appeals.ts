import { z } from 'zod';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { DisciplineCase } from '../discipline-case.js';
import type { AppealDecided, SanctionAppealed } from '../discipline.events.js';
import { decisionFields } from './decision.js';
import { refuse } from './refuse.js';
import { shanghaiDate } from '../../core/time/local-date.js';

export const fileAppealBody = z.strictObject({
  sanctionId: z.uuid(),
  filedOn: localDate(),
  grounds: text(2000),
  expectedRevision: z.number().int().min(0).optional(),
});
export const decideAppealBody = z.strictObject({ outcome: z.enum(['upheld', 'revoked']), ...decisionFields });

export type FileAppeal = Command<
  'FileAppeal',
  Omit<z.output<typeof fileAppealBody>, 'expectedRevision'> & { appealId: string }
>;
export type DecideAppeal = Command<
  'DecideAppeal',
  Omit<z.output<typeof decideAppealBody>, 'expectedRevision'> & { appealId: string }
>;

const exists = (state: DisciplineCase) => {
  if (!state.opened) throw refuse('case-not-found', '未找到该案件', 'No such discipline case', undefined, 404);
};

/** A member may appeal a sanction (even after the case closed); one open appeal per sanction. */
export const fileAppeal = ({ data, metadata }: FileAppeal, state: DisciplineCase): SanctionAppealed => {
  exists(state);
  const sanction = state.sanctions.find((s) => s.sanctionId === data.sanctionId);
  if (!sanction)
    throw refuse('sanction-not-found', '本案没有该处分', 'No such sanction in this case', 'sanctionId', 404);
  if (sanction.revokedOn)
    throw refuse(
      'sanction-revoked',
      `该处分已于 ${sanction.revokedOn} 撤销`,
      `The sanction was revoked on ${sanction.revokedOn}`,
      'sanctionId',
      409,
    );
  if (state.appeals.some((a) => a.sanctionId === data.sanctionId && a.outcome === null))
    throw refuse(
      'appeal-pending',
      '该处分已有未决的申诉',
      'An appeal against this sanction is pending',
      'sanctionId',
      409,
    );
  if (data.filedOn < sanction.decidedOn || data.filedOn > shanghaiDate(metadata.now))
    throw refuse(
      'appeal-date',
      `申诉日期应在处分决定（${sanction.decidedOn}）之后、今天之前`,
      `An appeal is filed after the decision (${sanction.decidedOn}) and not after today`,
      'filedOn',
    );
  return {
    type: 'SanctionAppealed',
    data: {
      caseId: state.caseId,
      appealId: data.appealId,
      sanctionId: data.sanctionId,
      personId: state.personId,
      filedOn: data.filedOn,
      grounds: data.grounds,
    },
    metadata: { occurredAt: occurredOn(data.filedOn), unitIds: [state.unitId] },
  };
};

/** The outcome of an appeal; a revoked sanction stops affecting eligibility from the revocation's day. */
export const decideAppeal = ({ data, metadata }: DecideAppeal, state: DisciplineCase): AppealDecided => {
  exists(state);
  const appeal = state.appeals.find((a) => a.appealId === data.appealId);
  if (!appeal) throw refuse('appeal-not-found', '本案没有该申诉', 'No such appeal in this case', undefined, 404);
  if (appeal.outcome)
    throw refuse('appeal-decided', '该申诉已有复查决定', 'The appeal is already decided', undefined, 409);
  if (data.decidedOn < appeal.filedOn || data.decidedOn > shanghaiDate(metadata.now))
    throw refuse(
      'appeal-decision-date',
      `复查决定日期应在申诉（${appeal.filedOn}）之后、今天之前`,
      `The decision falls after the appeal (${appeal.filedOn}) and not after today`,
      'decidedOn',
    );
  const { decidedOn, decidingBody, documentNumber, outcome } = data;
  return {
    type: 'AppealDecided',
    data: {
      caseId: state.caseId,
      appealId: appeal.appealId,
      sanctionId: appeal.sanctionId,
      personId: state.personId,
      outcome,
      decidedOn,
      decidingBody,
      documentNumber,
    },
    metadata: { occurredAt: occurredOn(decidedOn), unitIds: [state.unitId] },
  };
};
