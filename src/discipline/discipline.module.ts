import { Global, Module } from '@nestjs/common';
import { DisciplineCaseHandler } from './commands/case-command.js';
import { DisciplineController } from './discipline.controller.js';
import { DisciplineFacts } from './discipline.facts.js';
import { EligibilityController } from './eligibility.controller.js';

/**
 * Discipline (domain.md §5): cases, sanctions, measures, teacher-ethics double punishment, appeals, and
 * the eligibility read door. Global for its door: development and commendations inject DisciplineFacts.
 */
@Global()
@Module({
  controllers: [DisciplineController, EligibilityController],
  providers: [DisciplineCaseHandler, DisciplineFacts],
  exports: [DisciplineFacts],
})
export class DisciplineModule {}
