import type { StreamModel } from '../core/command-handling.js';
import { NotFoundError } from '../core/errors.js';
import type { MeetingKind, OrgLifeMeetingEvent } from './organizational-life.events.js';

export type Meeting =
  | { status: 'none' }
  | {
      status: 'recorded';
      meetingId: string;
      orgId: string;
      kind: MeetingKind;
      heldOn: string;
      unitIds: string[];
      comment: string | null;
    };

export const meeting: StreamModel<Meeting, OrgLifeMeetingEvent> = {
  initialState: () => ({ status: 'none' }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'OrgLifeMeetingRecorded': {
        const { meetingId, orgId, kind, heldOn } = event.data;
        const unitIds = event.metadata?.unitIds ?? [];
        return { status: 'recorded', meetingId, orgId, kind, heldOn, unitIds, comment: null };
      }
      case 'PartyLessonCommented':
        return state.status === 'recorded' ? { ...state, comment: event.data.comment } : state;
    }
  },
};

export const recordedMeeting = (state: Meeting, meetingId: string) => {
  if (state.status !== 'recorded') throw new NotFoundError({ zh: '组织生活记录', en: 'Meeting record' }, meetingId);
  return state;
};
