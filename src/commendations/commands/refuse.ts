import { DomainError } from '../../core/errors.js';
import type { CommendationCycle } from '../commendation-cycle.js';

export const refuse = (rule: string, zh: string, en: string, field?: string, status = 422) =>
  new DomainError(`commendations.${rule}`, { zh, en }, field, status);

export const openedCycle = (state: CommendationCycle) => {
  if (!state.opened) throw refuse('cycle-not-found', '未找到该评选', 'No such commendation cycle', undefined, 404);
  return state;
};
