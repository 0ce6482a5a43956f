import { Session } from 'node:inspector/promises';
import type { NewEvent } from '../src/core/messages.js';
import { storeAppends } from './store.js';
import { printTable } from './util.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * The steps timed alone in breakdown-append.ts run with hot caches; inside an append they share the
 * CPU caches with SQLite and cost more. This samples V8's CPU profiler over real single-event
 * appends and charges self time to functions. better-sqlite3 runs SQLite synchronously, so native
 * time lands on the JS frame that called it: `sqliteTransaction` is BEGIN IMMEDIATE + COMMIT, the
 * adapter's insert callback is the INSERT, and `appendInTransaction` itself is mostly the SELECT.
 */
export const profileAppends = async (dir: string, streams: string[], batches: NewEvent[][]): Promise<() => void> => {
  const session = new Session();
  session.connect();
  try {
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 100 });
    await session.post('Profiler.start');
    const sample = await storeAppends(dir, 'NORMAL', streams, batches, Math.min(1000, batches.length >> 2));
    const { profile } = (await session.post('Profiler.stop')) as unknown as { profile: Profile };
    const perAppend = 1e6 / sample.rate;
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    const byFunction = new Map<string, number>();
    for (const node of profile.nodes) {
      const { functionName, url, lineNumber } = node.callFrame;
      const file = url ? url.split('/').slice(-2).join('/') : '';
      const key = `${functionName || '(anonymous)'} ${file}${file ? `:${lineNumber + 1}` : ''}`.trim();
      byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0));
    }
    const top = [...byFunction.entries()].sort((a, b) => b[1] - a[1]).slice(0, 14);
    return () => {
      console.log(`\nIn-situ CPU profile of single-event appends, NORMAL (${perAppend.toFixed(1)} µs per append,`);
      console.log('profiler on; line numbers are those of the compiled dist-bench/ files)\n');
      printTable(
        ['function (self time)', 'share', 'µs per append'],
        top.map(([key, time]) => [
          key,
          `${((100 * time) / total).toFixed(1)}%`,
          ((time / total) * perAppend).toFixed(1),
        ]),
      );
    };
  } finally {
    await session.post('Profiler.disable').catch(() => undefined);
    session.disconnect();
  }
};
