import { Global, Module } from '@nestjs/common';
import { CommentLessonHandler } from './commands/comment-lesson.js';
import { RecordMeetingHandler } from './commands/record-meeting.js';
import { SelectTypicalCaseHandler } from './commands/select-typical-case.js';
import { SubmitTypicalCaseHandler } from './commands/submit-typical-case.js';
import { OrganizationalLifeController } from './organizational-life.controller.js';
import { OrganizationalLifeFacts } from './organizational-life.facts.js';
import { TypicalCasesController } from './typical-cases.controller.js';

const commandHandlers = [
  RecordMeetingHandler,
  CommentLessonHandler,
  SubmitTypicalCaseHandler,
  SelectTypicalCaseHandler,
];

/**
 * Organisational life (组织生活, 三会一课, domain.md §9.2) and typical cases. Reads the roster through the
 * organisations' read door (OrganizationsFacts, global); exports its own (OrganizationalLifeFacts).
 */
@Global()
@Module({
  controllers: [OrganizationalLifeController, TypicalCasesController],
  providers: [...commandHandlers, OrganizationalLifeFacts],
  exports: [OrganizationalLifeFacts],
})
export class OrganizationalLifeModule {}
