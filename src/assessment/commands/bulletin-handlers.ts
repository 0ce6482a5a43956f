import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { bulletinStream } from '../assessment.events.js';
import { bulletinHistory, publishBulletin, type BulletinState, type PublishBulletin } from './bulletin-commands.js';

export class PublishBulletinCommand extends CommandMessage<PublishBulletin, BulletinState> {}

@CommandHandler(PublishBulletinCommand)
export class PublishBulletinHandler implements ICommandHandler<PublishBulletinCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: PublishBulletinCommand) {
    return handleCommand(
      this.store,
      bulletinStream(command.data.year, command.data.period),
      bulletinHistory,
      (state) => publishBulletin(command, state),
      command.metadata,
      options,
    );
  }
}
