import { AUDIT_EVENT_LABELS } from '../../../src/audit/audit.events.js';
import { inLanguage } from '../i18n/labels.js';
import { activityMessages } from './activityMessages.js';

const zh = {
  resources: {
    activity: {
      name: '动态',
      fields: {
        id: '事件编号',
        position: '序号',
        type: '事件',
        stream: '数据流',
        actorId: '操作人',
        actorRole: '操作人角色',
        occurredAt: '发生日期',
        recordedAt: '记录时间',
        unitIds: '相关单位',
        subject: '对象',
        data: '内容',
        from: '发生日期从',
        to: '发生日期至',
        recordedFrom: '记录日期从',
        recordedTo: '记录日期至',
      },
    },
  },
  activity: activityMessages('zh'),
  choices: { event: inLanguage(AUDIT_EVENT_LABELS, 'zh') },
};

const en: typeof zh = {
  resources: {
    activity: {
      name: 'Activity |||| Activity',
      fields: {
        id: 'Event ID',
        position: 'Position',
        type: 'Event',
        stream: 'Stream',
        actorId: 'Actor',
        actorRole: 'Actor role',
        occurredAt: 'Occurred on',
        recordedAt: 'Recorded at',
        unitIds: 'Units',
        subject: 'About',
        data: 'Details',
        from: 'Occurred from',
        to: 'Occurred to',
        recordedFrom: 'Recorded from',
        recordedTo: 'Recorded to',
      },
    },
  },
  activity: activityMessages('en'),
  choices: { event: inLanguage(AUDIT_EVENT_LABELS, 'en') },
};

/** The activity log: its screens, and the words and data labels it shows events with. */
export const messages = { zh, en };
