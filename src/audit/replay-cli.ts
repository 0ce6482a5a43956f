import { parseArgs } from 'node:util';
import { StartupError } from '../core/errors.js';
import type { EventStore } from '../core/event-store/event-store.js';
import type { Clock } from '../core/time/clock.js';
import { shanghaiDate } from '../core/time/local-date.js';
import { AssessmentFacts, type ScoreAt } from '../assessment/assessment.facts.js';
import { eventLabel } from './event-labels.js';
import { describePoint, parsePoint } from './point-in-time.js';

export const REPLAY_USAGE = `  replay --unit <id> --as-of <YYYY-MM-DD> [--known-at <date|ISO instant>] [--position <n>] [--year <yyyy>] [--json]
                       a unit's state and score as of a business date, optionally as known at a record time`;

/** A bar of how far the read has come through the log; redrawn in place, on stderr, only for a terminal. */
const progressBar = (done: bigint, total: bigint, startedAt: number) => {
  const fraction = total === 0n ? 1 : Math.min(1, Number(done) / Number(total));
  const width = 30;
  const filled = Math.round(fraction * width);
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  return `replay [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% position ${done}/${total}, ${seconds}s`;
};

/** The state and the score in words: what `replay` prints. */
export const replayText = (at: ScoreAt): string => {
  const lines = [
    `单位 Unit: ${at.state.name ?? '（名称未登记）'} (${at.unitId}), 类型 type: ${at.state.type ?? '—'}`,
    `时点 Point: ${describePoint(at.at).zh} / ${describePoint(at.at).en}; 计分截至 scored up to ${at.asOf}`,
    `事件 Events: ${at.state.events}${at.state.lastPosition ? `, last position ${at.state.lastPosition}` : ''}`,
    ...Object.entries(at.state.byType).map(([type, count]) => `  ${eventLabel(type).zh} ${type}: ${count}`),
  ];
  if (!at.version || !at.score) {
    lines.push(`${at.year} 年度尚无考核细则 / no rules for ${at.year} at this point`);
    return lines.join('\n');
  }
  lines.push(
    `细则 Rules: v${at.version.version}, 生效 effective ${at.version.effectiveOn}, 发布 published ${at.version.publishedAt}`,
    `总分 Total: ${at.score.total}  等次 Grade: ${at.score.grade.name.zh} / ${at.score.grade.name.en}${
      at.score.vetoedBy ? `  (一票否决 veto: ${at.score.vetoedBy.indicator})` : ''
    }`,
  );
  for (const section of at.score.sections) {
    lines.push(`  ${section.title.zh} ${section.points}/${section.maxPoints}`);
    for (const item of section.items) {
      const events = item.events.map((event) => `${eventLabel(event.type).zh} ${event.occurredOn}`).join('、');
      lines.push(
        `    ${String(item.points).padStart(6)}  ${item.title.zh} [${item.period}]${item.note ? ` ${item.note.zh}` : ''}${
          events ? ` ← ${events}` : ''
        }`,
      );
    }
  }
  return lines.join('\n');
};

/** `npm run cli -- replay …`: folds the unit's events to the point and prints its state and score. */
export const replay = async (store: EventStore, clock: Clock, args: string[]): Promise<void> => {
  let values;
  try {
    ({ values } = parseArgs({
      args,
      options: {
        unit: { type: 'string' },
        'as-of': { type: 'string' },
        'known-at': { type: 'string' },
        position: { type: 'string' },
        year: { type: 'string' },
        json: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new StartupError(`${(error as Error).message}\n${REPLAY_USAGE}`);
  }
  if (!values.unit) throw new StartupError(`replay needs --unit <id>\n${REPLAY_USAGE}`);
  const point = parsePoint({ asOf: values['as-of'], knownAt: values['known-at'], position: values.position });
  const year = Number(values.year ?? (values['as-of'] ?? shanghaiDate(clock.now())).slice(0, 4));
  if (!Number.isInteger(year) || year < 2000 || year > 2100)
    throw new StartupError(`--year: not a year: ${values.year}`);
  const startedAt = Date.now();
  const tty = process.stderr.isTTY;
  let lastDraw = 0;
  const scored = await new AssessmentFacts(store, clock).scoreUnitAt(
    values.unit,
    year,
    point,
    tty
      ? (done, total) => {
          if (Date.now() - lastDraw < 100 && done < total) return;
          lastDraw = Date.now();
          process.stderr.write(`\r${progressBar(done, total, startedAt)}`);
        }
      : undefined,
  );
  if (tty) process.stderr.write('\n');
  if (values.json) {
    const { events, at, ...rest } = scored;
    const shown = { ...rest, at: { ...at, atPosition: at.atPosition?.toString() }, eventCount: events.length };
    console.log(JSON.stringify(shown, null, 2));
  } else console.log(replayText(scored));
};
