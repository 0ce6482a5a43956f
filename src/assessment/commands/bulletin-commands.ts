import { z } from 'zod';
import type { StreamModel } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { localDate, says } from '../../core/http/validation.js';
import type { Command } from '../../core/messages.js';
import { occurredOn, shanghaiDate } from '../../core/time/local-date.js';
import { notInFuture } from '../../core/time/past-date.js';
import type { AssessmentBulletinPublished, BulletinEvent, BulletinRank } from '../assessment.events.js';

/** A quarter of the year ('2026-Q1') for a quarterly bulletin, or the year ('2026') for the year-end result. */
export const bulletinPeriod = () =>
  z.string().regex(/^\d{4}(-Q[1-4])?$/, {
    message: says('应为 YYYY-Qn（季度）或 YYYY（年度）', "must be 'YYYY-Qn' (a quarter) or 'YYYY' (the year)"),
  });

export const publishBulletinBody = z.strictObject({
  period: bulletinPeriod(),
  /** The day the bulletin is issued; today when absent. */
  publishedOn: localDate().optional(),
  /** The rule set's version ranked by; the one in force on the period's last day when absent. */
  version: z.int().min(1).max(10_000).optional(),
});

/** The last day a period's bulletin counts: its quarter's end, or 31 December. */
export const periodEnd = (period: string): string => {
  const year = period.slice(0, 4);
  const quarter = /-Q([1-4])$/.exec(period)?.[1];
  if (!quarter) return `${year}-12-31`;
  return `${year}-${['03-31', '06-30', '09-30', '12-31'][Number(quarter) - 1]}`;
};

/** The units ranked, best first, as the handler read them from the scores (equal totals share a rank). */
export type PublishBulletin = Command<
  'PublishBulletin',
  { year: number; period: string; version: number; publishedOn: string | null; ranking: BulletinRank[] }
>;

export interface BulletinState {
  published: boolean;
}

export const bulletinHistory: StreamModel<BulletinState, BulletinEvent> = {
  initialState: () => ({ published: false }),
  evolve: (state, event) => (event.type === 'AssessmentBulletinPublished' ? { published: true } : state),
};

/** How many of the last-ranked units get the warning letter (便函预警, Pucheng 2013). */
export const FLAGGED = 3;

/**
 * The bottom three of the ranking, never a unit sharing first place (with four units or fewer the
 * warning would otherwise reach the best): the last three rows of the order the bulletin prints.
 */
export const bottomThree = (ranking: readonly BulletinRank[]): string[] =>
  ranking
    .slice(-FLAGGED)
    .filter((row) => row.rank > 1)
    .map((row) => row.unitId);

/**
 * A period's bulletin, once: the period must belong to the year and have ended, the publication day
 * must not precede the period's end nor be in the future, and there must be units to rank.
 */
export const publishBulletin = (
  { data, metadata }: PublishBulletin,
  state: BulletinState,
): AssessmentBulletinPublished => {
  if (state.published)
    throw new DomainError(
      'assessment.bulletin-exists',
      { zh: `${data.period} 的通报已发布`, en: `The bulletin for ${data.period} is already published` },
      'period',
      409,
    );
  if (!data.period.startsWith(`${data.year}`))
    throw new DomainError(
      'assessment.bulletin-period-year',
      { zh: `期间 ${data.period} 不属于 ${data.year} 年度`, en: `${data.period} is not a period of ${data.year}` },
      'period',
    );
  const today = shanghaiDate(metadata.now);
  const end = periodEnd(data.period);
  if (end > today)
    throw new DomainError(
      'assessment.bulletin-period-open',
      { zh: `${data.period} 尚未结束（至 ${end}）`, en: `${data.period} has not ended yet (it ends ${end})` },
      'period',
    );
  const publishedOn = data.publishedOn ?? today;
  notInFuture(publishedOn, metadata, 'publishedOn', 'assessment.date-in-future');
  if (publishedOn < end)
    throw new DomainError(
      'assessment.bulletin-before-period-end',
      { zh: `通报日期不能早于期末 ${end}`, en: `must not be before the period's end ${end}` },
      'publishedOn',
    );
  if (data.ranking.length === 0)
    throw new DomainError(
      'assessment.bulletin-empty',
      { zh: '没有可排名的单位', en: 'No units are scored to rank' },
      'period',
      409,
    );
  return {
    type: 'AssessmentBulletinPublished',
    data: {
      year: data.year,
      period: data.period,
      version: data.version,
      publishedOn,
      ranking: data.ranking,
      flaggedUnitIds: bottomThree(data.ranking),
    },
    metadata: {
      occurredAt: occurredOn(publishedOn),
      unitIds: data.ranking.map((row) => row.unitId),
    },
  };
};
