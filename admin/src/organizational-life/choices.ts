import { MEETING_KINDS } from '../../../src/organizational-life/organizational-life.events.js';

export const meetingKindChoices = MEETING_KINDS.map((id) => ({ id, name: `choices.meetingKind.${id}` }));
export const typicalCaseStatusChoices = ['submitted', 'selected'].map((id) => ({
  id,
  name: `choices.typicalCaseStatus.${id}`,
}));
