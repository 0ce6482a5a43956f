import type { DataProvider, Identifier } from 'react-admin';
import { commandPath, getJson, postCommand } from '../dataProvider/command';

/** GET /api/notices/suggestions: lagging units, each with the facts behind the suggestion. */
export interface LaggingUnit {
  unitId: string;
  unitName: string | null;
  reasons: {
    kind: 'bulletin' | 'grade' | 'obligation';
    unitId: string;
    ref: string;
    eventId: string | null;
    text: string;
    label: { zh: string; en: string };
    link: { resource: string; id: string };
  }[];
  openNotices: { id: string; title: string; documentNumber: string | null; status: string }[];
}

export interface EvidenceChoice {
  id: string;
  name: string;
  title: string | null;
  on: string;
  category: string;
}

/** GET /api/notices/settings: thresholds and working days, with the revision to send back. */
export interface NoticeSettings {
  lowGradeIds: string[];
  overdueDays: number;
  acknowledgeWorkingDays: number;
  urgeAfterWorkingDays: number;
  urgeRounds: number;
  rectifyWorkingDays: number;
  revision: number;
}

const notice = (id: Identifier, command: string) => commandPath('notices', id, command);

/** The notices feature's reads beside its resources, and its commands (src/notices/notices.controller.ts). */
export const noticesCommands = {
  getNoticeSuggestions: () => getJson<LaggingUnit[]>('/notices/suggestions'),
  getNoticeSettings: () => getJson<NoticeSettings>('/notices/settings'),
  changeNoticeSettings: (data: Record<string, unknown>) => postCommand('/notices/settings', data),
  getNoticeUnits: () => getJson<{ id: string; name: string }[]>('/notices/units'),
  getNoticeUnread: () => getJson<{ unread: number }>('/notices/inbox/unread-count'),
  getNoticeEvidenceChoices: (id: Identifier, unitId: string) =>
    getJson<EvidenceChoice[]>(`${notice(id, 'evidence-choices')}?unitId=${encodeURIComponent(unitId)}`),
  editNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'edit'), data),
  submitNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'submit'), data),
  approveNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'approve'), data),
  returnNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'return'), data),
  issueNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'issue'), data),
  circulateNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'circulate'), data),
  urgeNotice: (id: Identifier) => postCommand(notice(id, 'urge'), {}),
  closeNotice: (id: Identifier, data: Record<string, unknown>) => postCommand(notice(id, 'close'), data),
  sendBackRectification: (id: Identifier, data: Record<string, unknown>) =>
    postCommand(notice(id, 'rectifications/send-back'), data),
  acknowledgeNotice: (id: Identifier, unitId: string) => postCommand(notice(id, 'acknowledge'), { unitId }),
  reportRectification: (id: Identifier, data: Record<string, unknown>) =>
    postCommand(notice(id, 'rectification'), data),
};

export type NoticesDataProvider = DataProvider & typeof noticesCommands;

/** Today in Asia/Shanghai as YYYY-MM-DD: the default day of a step. */
export const shanghaiToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
