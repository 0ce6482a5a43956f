import { z } from 'zod';
import { text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import { running, type CommendationCycle } from '../commendation-cycle.js';
import { TITLES, TITLE_LABELS, type NomineeNominated, type VetoReason } from '../commendations.events.js';
import { openedCycle, refuse } from './refuse.js';

export const nominateBody = z.strictObject({
  title: z.enum(TITLES),
  /** A member for 优秀共产党员 / 优秀党务工作者; the organisation for 先进基层党组织. */
  nomineeId: z.uuid(),
  merits: text(2000),
});
export type Nominate = Command<'Nominate', z.output<typeof nominateBody> & { nominationId: string }>;

/** What the handler found of the nominee: who, where, and the one-vote veto's answer on the day. */
export interface NomineeFacts {
  name: string;
  orgId: string;
  unitId: string | null;
  /** Empty: eligible. */
  veto: VetoReason[];
}

const until = (reasons: VetoReason[]) =>
  reasons.some((r) => r.until === null)
    ? null
    : reasons
        .map((r) => r.until!)
        .sort()
        .at(-1)!;

/** The veto as a refusal: the rule (一票否决), every reason, and when the nominee is eligible again. */
export const vetoRefusal = (name: string, reasons: VetoReason[]) => {
  const end = until(reasons);
  return refuse(
    'one-vote-veto',
    `一票否决：${name}不具备评选资格——${reasons.map((r) => r.zh).join('；')}${end ? `（${end} 后方可推荐）` : ''}`,
    `One-vote veto: ${name} is not eligible — ${reasons.map((r) => r.en).join('; ')}${end ? ` (eligible after ${end})` : ''}`,
    'nomineeId',
  );
};

/**
 * A branch's nomination (D5): by the due date (Asia/Shanghai today), within the title's quota, each nominee
 * once, and only if the one-vote veto finds nothing (E9: a sanction, a disqualification, or for an
 * organisation a member's violation within the window).
 */
export const nominate = (
  { data, metadata }: Nominate,
  state: CommendationCycle,
  nominee: NomineeFacts,
): NomineeNominated => {
  openedCycle(state);
  const today = shanghaiDate(metadata.now);
  if (state.publicity || today > state.nominationsDueOn)
    throw refuse(
      'nominations-closed',
      `推荐已于 ${state.nominationsDueOn} 截止`,
      `Nominations closed on ${state.nominationsDueOn}`,
      'title',
    );
  if (state.nominations.some((n) => n.nomineeId === data.nomineeId && n.status !== 'vetoed'))
    throw refuse('already-nominated', '该人选已被推荐', 'This nominee is already nominated', 'nomineeId', 409);
  const used = running(state).filter((n) => n.title === data.title).length;
  const quota = state.quotas[data.title];
  if (used >= quota)
    throw refuse(
      'quota-exceeded',
      `“${TITLE_LABELS[data.title].zh}”名额为 ${quota} 名，已推荐 ${used} 名`,
      `The quota for ${TITLE_LABELS[data.title].en} is ${quota}; ${used} already nominated`,
      'title',
    );
  if (nominee.veto.length) throw vetoRefusal(nominee.name, nominee.veto);
  return {
    type: 'NomineeNominated',
    data: {
      cycleId: state.cycleId,
      nominationId: data.nominationId,
      title: data.title,
      nomineeId: data.nomineeId,
      nomineeName: nominee.name,
      orgId: nominee.orgId,
      unitId: nominee.unitId,
      nominatedOn: today,
      merits: data.merits,
    },
    metadata: { occurredAt: metadata.now, unitIds: nominee.unitId ? [nominee.unitId] : [] },
  };
};
