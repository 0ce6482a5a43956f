import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage, handleCommand, type StreamModel } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { says } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import {
  DEFAULT_NOTICE_SETTINGS,
  NOTICE_SETTINGS_STREAM,
  type NoticeSettings,
  type NoticeSettingsChanged,
} from '../notices.events.js';
import { refuse } from './notice-command.js';

const gradeId = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, {
  message: says('等次编号应为小写字母、数字和下划线', 'a grade id is a-z, 0-9, _'),
});
const workingDays = z.number().int().min(1).max(60);

export const noticeSettingsBody = z.strictObject({
  lowGradeIds: z.array(gradeId).max(10),
  overdueDays: z.number().int().min(0).max(365),
  acknowledgeWorkingDays: workingDays,
  urgeAfterWorkingDays: workingDays,
  urgeRounds: z.number().int().min(0).max(10),
  rectifyWorkingDays: workingDays,
  expectedRevision: z.number().int().min(-1).optional(),
});

export type ChangeNoticeSettings = Command<'ChangeNoticeSettings', NoticeSettings>;

export const noticeSettings: StreamModel<NoticeSettings, NoticeSettingsChanged> = {
  initialState: () => DEFAULT_NOTICE_SETTINGS,
  evolve: (_state, event) => event.data,
};

/** The bureau's settings: thresholds for finding lagging units, deadlines in working days. No change, no event. */
export const changeNoticeSettings = ({ data }: ChangeNoticeSettings, state: NoticeSettings): NoticeSettingsChanged => {
  const next: NoticeSettings = { ...data, lowGradeIds: [...new Set(data.lowGradeIds)] };
  if (JSON.stringify(next) === JSON.stringify(state))
    throw refuse('notices.settings-unchanged', '设置没有变化', 'The settings are unchanged', undefined, 409);
  return { type: 'NoticeSettingsChanged', data: next };
};

export class ChangeNoticeSettingsCommand extends CommandMessage<ChangeNoticeSettings, NoticeSettings> {}

@CommandHandler(ChangeNoticeSettingsCommand)
export class ChangeNoticeSettingsHandler implements ICommandHandler<ChangeNoticeSettingsCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: ChangeNoticeSettingsCommand) {
    return handleCommand(
      this.store,
      NOTICE_SETTINGS_STREAM,
      noticeSettings,
      (s) => changeNoticeSettings(command, s),
      command.metadata,
      options,
    );
  }
}
