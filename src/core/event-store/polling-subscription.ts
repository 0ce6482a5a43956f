import type { RecordedEvent } from '../messages.js';
import type { BatchHandler, ReadAllOptions, SubscribeOptions, Subscription } from './event-store.js';

/**
 * Wakes subscribers when this process appends. A version counter means a wake-up that happens
 * between a subscriber's read and its wait is never missed.
 */
export class AppendSignal {
  private version = 0;
  private waiters = new Set<() => void>();

  get current(): number {
    return this.version;
  }

  notify(): void {
    this.version++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
  }

  /** Resolves when a notify happens after `seen`, after `timeoutMs`, or when `abort` fires. */
  wait(seen: number, timeoutMs: number, abort: AbortSignal): Promise<void> {
    if (this.version !== seen || abort.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        abort.removeEventListener('abort', finish);
        this.waiters.delete(finish);
        resolve();
      };
      const timer = setTimeout(finish, timeoutMs);
      // A subscription waiting for appends must not keep a process alive that has nothing else to do.
      timer.unref();
      abort.addEventListener('abort', finish);
      this.waiters.add(finish);
    });
  }
}

interface PollingSource {
  readAll(options: ReadAllOptions): Promise<RecordedEvent[]>;
  headPosition(): Promise<bigint>;
  signal: AppendSignal;
  /** How often to look for appends made by other processes (which the signal cannot see). */
  pollIntervalMs: number;
}

/**
 * Catch-up-then-live subscription over a log whose positions are assigned in commit order
 * (SQLite serialises writers; memory is single-threaded), so reading "after the last position
 * delivered" can neither skip nor repeat an event.
 */
export const pollingSubscription = (
  source: PollingSource,
  options: SubscribeOptions,
  handler: BatchHandler,
): Subscription => {
  const batchSize = options.batchSize ?? 500;
  const abort = new AbortController();
  let markCaughtUp!: () => void;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const run = async () => {
    let after = options.after ?? 0n;
    const startHead = await source.headPosition();
    if (after >= startHead) markCaughtUp();
    while (!abort.signal.aborted) {
      const seen = source.signal.current;
      const batch = await source.readAll({ after, limit: batchSize });
      if (batch.length > 0) {
        await handler(batch);
        after = batch[batch.length - 1].position;
        if (after >= startHead) markCaughtUp();
        continue;
      }
      markCaughtUp();
      await source.signal.wait(seen, source.pollIntervalMs, abort.signal);
    }
  };

  const done = run();
  // A failed subscription must not leave awaiters of caughtUp hanging forever.
  done.catch(() => markCaughtUp());
  return {
    caughtUp,
    done,
    stop: async () => {
      abort.abort();
      await done.catch(() => undefined);
    },
  };
};
