import { Global, Module } from '@nestjs/common';
import { QueueBoard } from './queue-board.js';
import { ReminderEngine } from './reminder-engine.js';
import { RemindersController } from './reminders.controller.js';
import { RemindersFacts } from './reminders.facts.js';

/**
 * Reminders (issue 14): obligations → reminders → inbox, email, group robots; escalation; bull-board.
 * Reads users through the auth read door (AuthFacts). Global for its read door, RemindersFacts.
 */
@Global()
@Module({
  controllers: [RemindersController],
  providers: [ReminderEngine, QueueBoard, RemindersFacts],
  exports: [RemindersFacts],
})
export class RemindersModule {}
