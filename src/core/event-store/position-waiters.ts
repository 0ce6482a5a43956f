/**
 * Lets callers wait until every consumer of the log (each projection, each policy) has passed a global
 * position: a client that just sent a command then reads its own write. Consumers call `notify()` after
 * each batch; waiting also re-checks every 250 ms, so a missed wake-up costs latency, never correctness.
 */
export class PositionWaiters {
  private readonly waiters = new Set<() => void>();

  constructor(private readonly positions: () => Iterable<bigint>) {}

  notify(): void {
    for (const wake of this.waiters) wake();
  }

  /** Resolves true once every consumer is at `position` or beyond; false after `timeoutMs`. */
  async waitFor(position: bigint, timeoutMs: number): Promise<boolean> {
    const reached = () => [...this.positions()].every((at) => at >= position);
    const deadline = Date.now() + timeoutMs;
    while (!reached()) {
      const remaining = deadline - Date.now();
      if (remaining <= 0) return false;
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(remaining, 250));
        timer.unref();
        this.waiters.add(wake);
      });
    }
    return true;
  }
}
