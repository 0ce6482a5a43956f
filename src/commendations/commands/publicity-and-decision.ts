import { z } from 'zod';
import { localDate, text } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn, shanghaiDate } from '../../core/time/local-date.js';
import type { WorkingDayCalendar } from '../../core/time/working-days.js';
import { running, type CommendationCycle } from '../commendation-cycle.js';
import type {
  CommendationAwarded,
  CommendationEvent,
  CommendationPublicityStarted,
  CommendationRevoked,
  CommendationsDecided,
  NominationVetoed,
  VetoReason,
} from '../commendations.events.js';
import { openedCycle, refuse } from './refuse.js';

export const publicityBody = z.strictObject({ from: localDate() });
export const decideBody = z.strictObject({
  decidedOn: localDate(),
  decidingBody: text(200),
  documentNumber: text(100),
  /** The nominations awarded; by default every one still in the running. */
  awarded: z.array(z.uuid()).max(1000).optional(),
});
export const revokeBody = z.strictObject({
  revokedOn: localDate(),
  reason: text(2000),
  decidingBody: text(200),
  documentNumber: text(100),
});
export type StartPublicity = Command<'StartPublicity', z.output<typeof publicityBody>>;
export type DecideCommendations = Command<'DecideCommendations', z.output<typeof decideBody>>;
export type RevokeCommendation = Command<'RevokeCommendation', z.output<typeof revokeBody> & { nominationId: string }>;

/** The veto's answer per nomination id on a day (the handler asks the discipline door). */
export type Vetoes = Record<string, VetoReason[]>;

/** The automatic veto again, on the day: a nominee who became ineligible since the nomination is vetoed. */
const vetoed = (state: CommendationCycle, on: string, vetoes: Vetoes): NominationVetoed[] =>
  running(state)
    .filter((n) => (vetoes[n.nominationId] ?? []).length > 0)
    .map((n) => ({
      type: 'NominationVetoed',
      data: { cycleId: state.cycleId, nominationId: n.nominationId, on, reasons: vetoes[n.nominationId] },
      metadata: { occurredAt: occurredOn(on), unitIds: n.unitId ? [n.unitId] : [] },
    }));

/**
 * Publicity after the nominations closed: N working days of the Chinese calendar from `from` (its first
 * working day on or after it). The veto runs first; the vetoed are not publicised.
 */
export const startPublicity = (
  { data, metadata }: StartPublicity,
  state: CommendationCycle,
  vetoes: Vetoes,
  calendar: WorkingDayCalendar,
): (NominationVetoed | CommendationPublicityStarted)[] => {
  openedCycle(state);
  if (state.publicity) throw refuse('publicity-started', '已公示', 'Publicity already started', undefined, 409);
  if (data.from <= state.nominationsDueOn)
    throw refuse(
      'publicity-before-close',
      `公示须在推荐截止（${state.nominationsDueOn}）之后`,
      `Publicity follows the close of nominations (${state.nominationsDueOn})`,
      'from',
    );
  if (data.from > shanghaiDate(metadata.now))
    throw refuse('in-future', '公示开始日期不能晚于今天', 'Publicity cannot start after today', 'from');
  const vetoEvents = vetoed(state, data.from, vetoes);
  const out = vetoEvents.map((v) => v.data.nominationId);
  const publicised = running(state).filter((n) => !out.includes(n.nominationId));
  if (!publicised.length) throw refuse('nothing-to-publicise', '没有可公示的人选', 'No nominee to publicise', 'from');
  let to: string;
  try {
    to = calendar.endOfWorkingDayPeriod(data.from, state.publicityWorkingDays);
  } catch {
    throw refuse(
      'calendar-not-covered',
      '该年度节假日安排尚未载入，无法计算公示期',
      'The holiday calendar is not loaded: the publicity cannot be counted',
      'from',
    );
  }
  return [
    ...vetoEvents,
    {
      type: 'CommendationPublicityStarted',
      data: {
        cycleId: state.cycleId,
        from: data.from,
        to,
        workingDays: state.publicityWorkingDays,
        nominationIds: publicised.map((n) => n.nominationId),
      },
      metadata: { occurredAt: occurredOn(data.from), unitIds: [] },
    },
  ];
};

/** D6: the bureau decides after the publicity ended; the veto runs again on the decision day. */
export const decideCommendations = (
  { data, metadata }: DecideCommendations,
  state: CommendationCycle,
  vetoes: Vetoes,
): CommendationEvent[] => {
  openedCycle(state);
  if (state.decidedOn)
    throw refuse(
      'already-decided',
      `已于 ${state.decidedOn} 作出表彰决定`,
      `Decided on ${state.decidedOn}`,
      undefined,
      409,
    );
  if (!state.publicity || data.decidedOn <= state.publicity.to)
    throw refuse(
      'decision-before-publicity-ends',
      state.publicity ? `公示期至 ${state.publicity.to}，期满后方可决定` : '须先公示',
      state.publicity ? `Publicity runs until ${state.publicity.to}: decide after it` : 'Publicise the nominees first',
      'decidedOn',
    );
  if (data.decidedOn > shanghaiDate(metadata.now))
    throw refuse('in-future', '决定日期不能晚于今天', 'A decision cannot be dated after today', 'decidedOn');
  const vetoEvents = vetoed(state, data.decidedOn, vetoes);
  const out = vetoEvents.map((v) => v.data.nominationId);
  const inRunning = running(state).filter((n) => !out.includes(n.nominationId));
  const chosen = data.awarded ?? inRunning.map((n) => n.nominationId);
  const unknown = chosen.find((id) => !inRunning.some((n) => n.nominationId === id));
  if (unknown)
    throw refuse(
      'award-not-in-running',
      `人选 ${unknown} 不在公示名单中或已被否决`,
      `Nomination ${unknown} was not publicised or was vetoed`,
      'awarded',
    );
  const decision: CommendationsDecided = {
    type: 'CommendationsDecided',
    data: {
      cycleId: state.cycleId,
      decidedOn: data.decidedOn,
      decidingBody: data.decidingBody,
      documentNumber: data.documentNumber,
      awarded: chosen,
    },
    metadata: { occurredAt: occurredOn(data.decidedOn), unitIds: [] },
  };
  const awards: CommendationAwarded[] = inRunning
    .filter((n) => chosen.includes(n.nominationId))
    .map((n) => ({
      type: 'CommendationAwarded',
      data: {
        cycleId: state.cycleId,
        nominationId: n.nominationId,
        year: state.year,
        title: n.title,
        nomineeId: n.nomineeId,
        nomineeName: n.nomineeName,
        orgId: n.orgId,
        unitId: n.unitId,
        awardedOn: data.decidedOn,
        documentNumber: data.documentNumber,
      },
      metadata: { occurredAt: occurredOn(data.decidedOn), unitIds: n.unitId ? [n.unitId] : [] },
    }));
  return [...vetoEvents, decision, ...awards];
};

export const revokeCommendation = (
  { data, metadata }: RevokeCommendation,
  state: CommendationCycle,
): CommendationRevoked => {
  openedCycle(state);
  const n = state.nominations.find((x) => x.nominationId === data.nominationId);
  if (!n || n.status !== 'awarded')
    throw refuse(
      'not-awarded',
      '该人选未获表彰或已撤销',
      'This nomination was not awarded, or was revoked',
      'nominationId',
      409,
    );
  if (data.revokedOn < state.decidedOn! || data.revokedOn > shanghaiDate(metadata.now))
    throw refuse(
      'revocation-date',
      `撤销日期应在表彰决定（${state.decidedOn}）之后、今天之前`,
      `Revocation falls after the decision (${state.decidedOn}) and not after today`,
      'revokedOn',
    );
  return {
    type: 'CommendationRevoked',
    data: { ...data, cycleId: state.cycleId, nomineeId: n.nomineeId },
    metadata: { occurredAt: occurredOn(data.revokedOn), unitIds: n.unitId ? [n.unitId] : [] },
  };
};
