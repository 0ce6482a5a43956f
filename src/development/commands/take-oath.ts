import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { z } from 'zod';
import { CommandMessage } from '../../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { localDate, text } from '../../core/http/validation.js';
import type { DevelopmentCase } from '../development-case.js';
import type { OathTaken } from '../development.events.js';
import { rulesInForceOn } from '../development-rules.js';
import {
  follows,
  handleStep,
  notDone,
  openCase,
  stepBody,
  stepEvent,
  withinWindow,
  type StepCommand,
} from './step-support.js';

export const takeOathBody = stepBody({ on: localDate(), delayReason: text(500).nullish() });

export type TakeOath = StepCommand<'TakeOath', z.output<typeof takeOathBody>>;

/** Step 20 (Constitution Art. 6): the oath before the flag; under the 2026 version within a month of approval (A18). */
export const takeOath = ({ data, metadata }: TakeOath, state: DevelopmentCase): OathTaken => {
  const open = openCase(state, 'oath');
  notDone(open, 'oath');
  follows(open, 'oath', data.on, metadata);
  withinWindow(rulesInForceOn(data.on).oathWindow, open.done.approval as string, data.on, data.delayReason, {
    code: 'oath-window',
    zh: '入党宣誓一般应在批准后一个月内进行',
    en: 'The oath is generally taken within a month of approval',
  });
  return stepEvent<OathTaken>('OathTaken', open, data, { delayReason: data.delayReason ?? null });
};

export class TakeOathCommand extends CommandMessage<TakeOath, DevelopmentCase> {}

@CommandHandler(TakeOathCommand)
export class TakeOathHandler implements ICommandHandler<TakeOathCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute({ command, options }: TakeOathCommand) {
    return handleStep(this.store, command, (s) => takeOath(command, s), options);
  }
}
