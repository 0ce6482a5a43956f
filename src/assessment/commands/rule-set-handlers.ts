import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CommandMessage, handleCommand } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { EVENT_OWNERS } from '../../core/feature.js';
import { ruleSetStream } from '../assessment.events.js';
import { ruleSetHistory, type RuleSetHistory } from '../rule-set-history.js';
import {
  draftRuleSet,
  editRuleSetDraft,
  publishRuleSet,
  type DraftRuleSet,
  type EditRuleSetDraft,
  type PublishRuleSet,
} from './rule-set-commands.js';

export class DraftRuleSetCommand extends CommandMessage<DraftRuleSet, RuleSetHistory> {}
export class EditRuleSetDraftCommand extends CommandMessage<EditRuleSetDraft, RuleSetHistory> {}
export class PublishRuleSetCommand extends CommandMessage<PublishRuleSet, RuleSetHistory> {}

/** The event types a rule may name: those of the features the app runs today. */
abstract class RuleSetHandler {
  protected readonly knownEventTypes: ReadonlySet<string>;

  constructor(
    @Inject(EVENT_STORE) protected readonly store: EventStore,
    @Inject(EVENT_OWNERS) eventOwners: ReadonlyMap<string, string>,
  ) {
    this.knownEventTypes = new Set(eventOwners.keys());
  }
}

@CommandHandler(DraftRuleSetCommand)
export class DraftRuleSetHandler extends RuleSetHandler implements ICommandHandler<DraftRuleSetCommand> {
  execute({ command, options }: DraftRuleSetCommand) {
    return handleCommand(
      this.store,
      ruleSetStream(command.data.year),
      ruleSetHistory,
      (state) => draftRuleSet(command, state, this.knownEventTypes),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(EditRuleSetDraftCommand)
export class EditRuleSetDraftHandler extends RuleSetHandler implements ICommandHandler<EditRuleSetDraftCommand> {
  execute({ command, options }: EditRuleSetDraftCommand) {
    return handleCommand(
      this.store,
      ruleSetStream(command.data.year),
      ruleSetHistory,
      (state) => editRuleSetDraft(command, state, this.knownEventTypes),
      command.metadata,
      options,
    );
  }
}

@CommandHandler(PublishRuleSetCommand)
export class PublishRuleSetHandler extends RuleSetHandler implements ICommandHandler<PublishRuleSetCommand> {
  execute({ command, options }: PublishRuleSetCommand) {
    return handleCommand(
      this.store,
      ruleSetStream(command.data.year),
      ruleSetHistory,
      (state) => publishRuleSet(command, state, this.knownEventTypes),
      command.metadata,
      options,
    );
  }
}
