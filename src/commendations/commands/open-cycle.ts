import { z } from 'zod';
import { localDate, name, says } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { CommendationCycle } from '../commendation-cycle.js';
import type { CommendationCycleOpened } from '../commendations.events.js';
import { refuse } from './refuse.js';

const quota = () => z.number().int().min(0).max(1000);
export const openCycleBody = z.strictObject({
  // A refinement, not min/max: the year's range is checked with a message, not advertised as a number range.
  year: z
    .number()
    .int()
    .refine((y) => y >= 2000 && y <= 2100, {
      message: says('年度应在 2000 至 2100 之间', 'must be a year from 2000 to 2100'),
    }),
  name: name(200),
  quotas: z.strictObject({
    outstanding_member: quota(),
    outstanding_party_worker: quota(),
    advanced_party_org: quota(),
  }),
  nominationsDueOn: localDate(),
  decisionDueOn: localDate(),
  publicityWorkingDays: z.number().int().min(1).max(30).default(5),
  openedOn: localDate(),
});
export type OpenCycle = Command<'OpenCommendationCycle', z.output<typeof openCycleBody> & { cycleId: string }>;

/** A cycle: nominations are due before the decision, and the decision leaves room for the publicity. */
export const openCycle = ({ data }: OpenCycle, state: CommendationCycle): CommendationCycleOpened => {
  if (state.opened) throw refuse('cycle-exists', '该评选已启动', 'The cycle is already open', undefined, 409);
  if (data.nominationsDueOn < data.openedOn)
    throw refuse(
      'nominations-due-before-opening',
      '推荐截止日期不能早于启动日期',
      'Nominations cannot be due before the cycle opens',
      'nominationsDueOn',
    );
  if (data.decisionDueOn <= data.nominationsDueOn)
    throw refuse(
      'decision-before-nominations',
      '表彰决定日期应晚于推荐截止日期（中间须有公示）',
      'The decision falls after the nominations are due (publicity comes between)',
      'decisionDueOn',
    );
  return {
    type: 'CommendationCycleOpened',
    data: { ...data },
    metadata: { occurredAt: occurredOn(data.openedOn), unitIds: [] },
  };
};
