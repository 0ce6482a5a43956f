import { DomainError } from '../../core/errors.js';
import type { CommandMetadata } from '../../core/messages.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import type { DisciplineCase } from '../discipline-case.js';

/** A rule of discipline refused the command: 422 (or `status`), code `discipline.<rule>`, zh and en. */
export const refuse = (rule: string, zh: string, en: string, field?: string, status = 422) =>
  new DomainError(`discipline.${rule}`, { zh, en }, field, status);

/** An open case: opened, not closed. */
export const openCase = (state: DisciplineCase): DisciplineCase => {
  if (!state.opened) throw refuse('case-not-found', '未找到该案件', 'No such discipline case', undefined, 404);
  if (state.closedOn)
    throw refuse(
      'case-closed',
      `该案件已于 ${state.closedOn} 结案`,
      `The case was closed on ${state.closedOn}`,
      undefined,
      409,
    );
  return state;
};

/** A decision is dated on or after the case was opened, and not in the future (Asia/Shanghai). */
export const decisionDate = (state: DisciplineCase, on: string, metadata: CommandMetadata, field = 'decidedOn') => {
  if (on < state.openedOn)
    throw refuse(
      'before-case-opened',
      `决定日期不能早于立案日期（${state.openedOn}）`,
      `A decision cannot predate the case (opened ${state.openedOn})`,
      field,
    );
  const today = shanghaiDate(metadata.now);
  if (on > today)
    throw refuse(
      'in-future',
      `决定日期不能晚于今天（${today}）`,
      `A decision cannot be dated after today (${today})`,
      field,
    );
};
