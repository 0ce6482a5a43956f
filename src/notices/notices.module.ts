import { Global, Module } from '@nestjs/common';
import { ChangeNoticeSettingsHandler } from './commands/change-settings.js';
import { NoticeCommandHandler } from './commands/notice-command.js';
import { NoticesController } from './notices.controller.js';
import { NoticesFacts } from './notices.facts.js';
import { UrgeNoticeJob } from './urging.job.js';

/**
 * Criticism notices (通报批评): the workflow's routes, its one command handler, the settings, the urging
 * job and the read door. Global for its read door: the assessment and the audit inject NoticesFacts.
 */
@Global()
@Module({
  controllers: [NoticesController],
  providers: [NoticeCommandHandler, ChangeNoticeSettingsHandler, UrgeNoticeJob, NoticesFacts],
  exports: [NoticesFacts],
})
export class NoticesModule {}
