import type { RecordedEvent } from '../messages.js';

/**
 * A job a policy asks for. `id` is deterministic (derived from the facts, never random), so a replay,
 * a retried batch or a second app instance asks for the same job again and the queue keeps one.
 */
export interface JobRequest<Data = unknown> {
  /** One of the policy's `jobs`: the worker dispatches on it to the one handler of that name. */
  name: string;
  /** Build it with {@link jobId}. */
  id: string;
  /** Plain JSON; keep it to ids: the handler re-reads the facts when it runs. */
  data: Data;
  /** When to run, in business time (the injected CLOCK): a reminder for a deadline. Default: now. */
  runAt?: Date;
  /** Or: how long to wait from now, in milliseconds. */
  delayMs?: number;
}

/**
 * Side effects start here (architecture.md, "What flows where"): a policy reads events from the store
 * and answers which jobs they call for. `react` is pure, with no I/O and no clock, so it can run again
 * over the whole log (a replay) and answer the same.
 */
export interface Policy {
  /** Unique name; also the key of its checkpoint. */
  name: string;
  /**
   * Bump when `handles` or `react` change so that old events call for new jobs: the runner then replays
   * the whole log into the policy (the handlers' re-checks make that harmless). Default 1.
   */
  version?: number;
  /** Event types it reads; the runner skips every other event. */
  handles: readonly string[];
  /** Names of the jobs it may request; start-up checks that each has exactly one handler. */
  jobs: readonly string[];
  react: (event: RecordedEvent) => JobRequest[];
}

export const POLICIES = Symbol('POLICIES');

/**
 * A deterministic BullMQ job id: `<job name>.<key>.<key>…`, e.g. `enrol-probationary-member.<personId>`.
 * BullMQ refuses ':' in custom ids (it separates the parts of its Redis keys) and ids that look like
 * integers (its own counter), so neither may appear.
 */
export const jobId = (name: string, ...keys: string[]): string => {
  const id = [name, ...keys].join('.');
  const problem = jobIdProblem(id);
  if (problem) throw new Error(problem);
  return id;
};

/** Why BullMQ would refuse `id` as a custom job id, or undefined when it is fine. */
export const jobIdProblem = (id: string): string | undefined => {
  if (!id) return 'A job id must not be empty';
  if (id.includes(':')) return `A job id must not contain ':' (BullMQ uses it in its keys): ${id}`;
  if (`${parseInt(id, 10)}` === id) return `A job id must not be an integer (BullMQ's own ids are): ${id}`;
  return undefined;
};
