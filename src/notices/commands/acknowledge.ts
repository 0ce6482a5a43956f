import { z } from 'zod';
import { DomainError } from '../../core/errors.js';
import { shanghaiDate } from '../../core/time/local-date.js';
import { unacknowledged, type Notice } from '../notice.js';
import type { NoticeAcknowledged, NoticeSettings, NoticeUrged } from '../notices.events.js';
import { refuse, requireStatus, workingDaysAfter, type NoticeCommandOf } from './notice-command.js';

export const acknowledgeNoticeBody = z.strictObject({ unitId: z.string().uuid() });

export type AcknowledgeNotice = NoticeCommandOf<'AcknowledgeNotice', { unitId: string }>;

/** 签收: a secretary's read receipt for their unit (its reach is checked by the route), once per unit. */
export const acknowledgeNotice = ({ data, metadata }: AcknowledgeNotice, state: Notice): NoticeAcknowledged => {
  requireStatus(state, ['circulated', 'closed'], { zh: '签收', en: 'acknowledged' });
  if (!state.recipients.includes(data.unitId))
    throw refuse(
      'notices.not-a-recipient',
      '该单位不在通报下发范围内',
      'The notice was not sent to this unit',
      'unitId',
    );
  if (Object.hasOwn(state.acknowledged, data.unitId))
    throw refuse(
      'notices.already-acknowledged',
      `该单位已于 ${state.acknowledged[data.unitId]} 签收`,
      `This unit acknowledged on ${state.acknowledged[data.unitId]}`,
      'unitId',
      409,
    );
  return {
    type: 'NoticeAcknowledged',
    data: {
      noticeId: data.noticeId,
      unitId: data.unitId,
      acknowledgedOn: shanghaiDate(metadata.now),
      acknowledgedBy: metadata.actorId,
    },
    metadata: { unitIds: [data.unitId] },
  };
};

/**
 * The next round's day; none when next year's holidays are not loaded yet (late December): urging this round
 * must not fail for it, and a person of the bureau can still urge the next round by hand.
 */
const nextRoundOn = (today: string, n: number): string | null => {
  try {
    return workingDaysAfter(today, n);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'notices.calendar-not-covered') return null;
    throw error;
  }
};

export const urgeNoticeBody = z.strictObject({});

export type UrgeNotice = NoticeCommandOf<
  'UrgeNotice',
  {
    /** The scheduled round a job fires for; a person's urging takes the next round. */
    round: number | null;
    settings: NoticeSettings;
  }
>;

/**
 * 催办: those not acknowledged are urged, round after round, each round once. The scheduled job fires for
 * its round on the day it falls due and is refused when that round is done (by a person or an earlier run)
 * or nothing is owed; a person of the bureau may urge the next round at any time. After the last round the
 * bureau follows up by other means.
 */
export const urgeNotice = ({ data, metadata }: UrgeNotice, state: Notice): NoticeUrged => {
  requireStatus(state, ['circulated'], { zh: '催办', en: 'urged' });
  const round = data.round ?? state.urgedRounds + 1;
  if (round <= state.urgedRounds)
    throw refuse('notices.round-urged', `第 ${round} 轮催办已进行`, `Round ${round} of urging is done`, 'round', 409);
  const today = shanghaiDate(metadata.now);
  if (data.round !== null && (state.nextUrgeOn === null || today < state.nextUrgeOn))
    throw refuse('notices.urge-not-due', '尚未到催办日期', 'The urging is not due yet', 'round', 409);
  if (round > data.settings.urgeRounds)
    throw refuse(
      'notices.urge-rounds-spent',
      `已催办 ${state.urgedRounds} 轮，达到上限`,
      `${state.urgedRounds} rounds of urging are done: the limit`,
      'round',
      409,
    );
  const unitIds = unacknowledged(state);
  if (unitIds.length === 0)
    throw refuse(
      'notices.nothing-to-urge',
      '所有单位均已签收，无需催办',
      'Every unit has acknowledged',
      undefined,
      409,
    );
  return {
    type: 'NoticeUrged',
    data: {
      noticeId: data.noticeId,
      round,
      unitIds,
      urgedOn: today,
      nextUrgeOn: round < data.settings.urgeRounds ? nextRoundOn(today, data.settings.urgeAfterWorkingDays) : null,
      automatic: data.round !== null,
    },
    metadata: { unitIds },
  };
};
