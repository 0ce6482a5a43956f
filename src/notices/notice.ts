import type { StreamModel } from '../core/command-handling.js';
import type { NoticeContent, NoticeEvent } from './notices.events.js';

export type NoticeStatus = 'none' | 'draft' | 'submitted' | 'approved' | 'issued' | 'circulated' | 'closed';

export interface Rectification {
  status: 'reported' | 'sent_back';
  reportedOn: string;
}

/** A notice's stream (`notice-<id>`) folded: where it is in its workflow and what is owed. */
export interface Notice {
  status: NoticeStatus;
  noticeId: string | null;
  draftedBy: string | null;
  content: NoticeContent | null;
  /** Why approval was refused, while the draft is being reworked. */
  returnedReason: string | null;
  documentNumber: string | null;
  issuedOn: string | null;
  rectifyBy: string | null;
  /** Every unit it was circulated to. */
  recipients: string[];
  /** Unit → the day it acknowledged. */
  acknowledged: Record<string, string>;
  circulatedOn: string | null;
  /** The last urging round done (0: none), and when the next falls due (null: none is owed). */
  urgedRounds: number;
  nextUrgeOn: string | null;
  /** Criticised unit → its rectification report's standing (absent: not yet reported). */
  rectifications: Record<string, Rectification>;
}

export const notice: StreamModel<Notice, NoticeEvent> = {
  initialState: () => ({
    status: 'none',
    noticeId: null,
    draftedBy: null,
    content: null,
    returnedReason: null,
    documentNumber: null,
    issuedOn: null,
    rectifyBy: null,
    recipients: [],
    acknowledged: {},
    circulatedOn: null,
    urgedRounds: 0,
    nextUrgeOn: null,
    rectifications: {},
  }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'NoticeDrafted': {
        const { noticeId, draftedBy, ...content } = event.data;
        return { ...state, status: 'draft', noticeId, draftedBy, content };
      }
      case 'NoticeEdited': {
        const { noticeId: _id, ...content } = event.data;
        return { ...state, content };
      }
      case 'NoticeSubmitted':
        return { ...state, status: 'submitted', returnedReason: null };
      case 'NoticeReturned':
        return { ...state, status: 'draft', returnedReason: event.data.reason };
      case 'NoticeApproved':
        return { ...state, status: 'approved' };
      case 'CriticismNoticeIssued':
        return {
          ...state,
          status: 'issued',
          documentNumber: event.data.documentNumber,
          issuedOn: event.data.issuedOn,
          rectifyBy: event.data.rectifyBy,
        };
      case 'NoticeCirculated':
        return {
          ...state,
          status: 'circulated',
          recipients: event.data.unitIds,
          circulatedOn: event.data.circulatedOn,
          nextUrgeOn: event.data.urgeOn,
        };
      case 'NoticeAcknowledged':
        return { ...state, acknowledged: { ...state.acknowledged, [event.data.unitId]: event.data.acknowledgedOn } };
      case 'NoticeUrged':
        return { ...state, urgedRounds: event.data.round, nextUrgeOn: event.data.nextUrgeOn };
      case 'RectificationReported':
        return {
          ...state,
          rectifications: {
            ...state.rectifications,
            [event.data.unitId]: { status: 'reported', reportedOn: event.data.reportedOn },
          },
        };
      case 'RectificationSentBack': {
        const previous = state.rectifications[event.data.unitId];
        return {
          ...state,
          rectifications: { ...state.rectifications, [event.data.unitId]: { ...previous, status: 'sent_back' } },
        };
      }
      case 'NoticeClosed':
        return { ...state, status: 'closed', nextUrgeOn: null };
    }
  },
};

/** The circulated units that have not acknowledged yet. */
export const unacknowledged = (state: Notice): string[] =>
  state.recipients.filter((unitId) => !Object.hasOwn(state.acknowledged, unitId));

/** The criticised units whose rectification report is not (or no longer) accepted as reported. */
export const rectificationOwed = (state: Notice): string[] =>
  (state.content?.unitIds ?? []).filter((unitId) => state.rectifications[unitId]?.status !== 'reported');
