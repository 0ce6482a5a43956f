import type { Bilingual } from '../errors.js';
import { logLink, type LogKey } from '../event-store/hash-chain.js';

/**
 * What verify finds, one kind per way a log can be tampered with:
 * - `altered`: an event's content does not match its own hash (edited in the file);
 * - `stream-chain`: an event's `prevHash` is not its stream's previous hash (a re-sealed edit, an insert);
 * - `stream-gap`: a stream's revisions skip or repeat (an event removed, inserted or moved);
 * - `missing`: positions of the global log are missing (an event removed in the middle);
 * - `log-chain`: an event's log hash does not verify under the key (re-sealed, inserted, reordered, or the
 *   event before it was removed or changed);
 * - `checkpoint`: the log at a signed checkpoint's position is not what was signed;
 * - `checkpoint-signature`: a checkpoint's signature does not verify;
 * - `tail-removed`: a signed checkpoint lies beyond the end of the log (its tail was removed);
 * - `key-unknown`: a range of the log is chained under a key this installation does not hold;
 * - `key-downgrade`: the log went from a keyed chain to an unkeyed one;
 * - `no-key`: the audit key is not available, so nothing is signed and the log chain is unkeyed.
 */
export type ProblemKind =
  | 'altered'
  | 'stream-chain'
  | 'stream-gap'
  | 'missing'
  | 'log-chain'
  | 'checkpoint'
  | 'checkpoint-signature'
  | 'tail-removed'
  | 'key-unknown'
  | 'key-downgrade'
  | 'no-key';

export interface IntegrityProblem {
  kind: ProblemKind;
  /** The stream and revision of the event at fault, when there is one (null for a removed tail). */
  stream: string | null;
  revision: number | null;
  /** Global position at fault (as a string: positions are 64-bit). */
  position: string | null;
  message: Bilingual;
}

/** One stored event as the verifier sees it; `contentMatches` is whether its hash recomputes. */
export interface ChainEntry {
  position: bigint;
  stream: string;
  revision: number;
  prevHash: string | null;
  hash: string;
  contentMatches: boolean;
  /** The stored log hash (SQLite); undefined where the adapter keeps none (the chain is then recomputed). */
  logHash?: string | null;
}

/** A signed point of the log the walk must pass through: position and log hash there. */
export interface ExpectedPoint {
  position: bigint;
  logHash: string;
  /** How the point is named in messages, e.g. "checkpoint of 2026-11-30 02:00 (key ab12…)". */
  label: Bilingual;
}

export interface VerifierOptions {
  /** The key of the log chain at a position; null where it is not held (the range is reported once, by the caller). */
  keyAt: (position: bigint) => LogKey | null;
  /** Positions run 1, 2, 3… with no gap (SQLite, memory); not so in EventStoreDB. */
  contiguous: boolean;
  /**
   * Where the walk starts: after this position, whose log hash is this (a verified checkpoint). Streams
   * met first after it are not checked against their earlier revisions, which the walk does not read.
   */
  start?: { position: bigint; logHash: string };
  points?: ExpectedPoint[];
  /** More problems than this are counted, not listed. */
  maxProblems?: number;
  /**
   * The content and log hashes are checked elsewhere (hashing workers, see hash-worker.ts), whose faults
   * come in through reportFault: this walk then checks positions, streams and checkpoints only.
   */
  hashesCheckedElsewhere?: boolean;
}

/** The order problems are listed in at one position: as a walk meets them. */
const KIND_ORDER: ProblemKind[] = [
  'no-key',
  'key-unknown',
  'key-downgrade',
  'checkpoint-signature',
  'missing',
  'altered',
  'stream-gap',
  'stream-chain',
  'log-chain',
  'checkpoint',
  'tail-removed',
];

/** Problems in log order (those of no position first), and at one position in the order a walk meets them. */
export const sortProblems = (problems: IntegrityProblem[]): IntegrityProblem[] =>
  problems
    .map((problem, index) => ({ problem, index, at: problem.position === null ? -1n : BigInt(problem.position) }))
    .sort(
      (a, b) =>
        (a.at < b.at ? -1 : a.at > b.at ? 1 : 0) ||
        KIND_ORDER.indexOf(a.problem.kind) - KIND_ORDER.indexOf(b.problem.kind) ||
        a.index - b.index,
    )
    .map(({ problem }) => problem);

const alteredMessage = (stream: string, revision: number, position: bigint | number): Bilingual => ({
  zh: `事件内容与其哈希不符：已被改动（${stream} 第 ${revision} 版，位置 ${position}）`,
  en: `the event's content does not match its hash: it was edited (${stream} revision ${revision}, position ${position})`,
});

const LOG_CHAIN_MESSAGE: Bilingual = {
  zh: `全局日志链在此不成立：此事件被改动后重新封存、插入或移动，或其前一事件被删除或改动`,
  en: `the global log's chain does not verify here: this event was re-sealed, inserted or moved, or the one before it was removed or changed`,
};

/**
 * Walks the log in position order and checks every event against its stream's chain, the global log's
 * chain and the signed points. Pure: the caller reads the store page by page and feeds it.
 */
export class LogVerifier {
  readonly problems: IntegrityProblem[] = [];
  /** Problems found beyond maxProblems. */
  omitted = 0;
  checked = 0;
  private readonly streams = new Map<string, { revision: number; hash: string }>();
  private lastPosition: bigint;
  private lastLogHash: string | null;
  private readonly points: ExpectedPoint[];
  private readonly partial: boolean;

  constructor(private readonly options: VerifierOptions) {
    this.lastPosition = options.start?.position ?? 0n;
    this.lastLogHash = options.start?.logHash ?? null;
    this.partial = options.start !== undefined;
    this.points = [...(options.points ?? [])].sort((a, b) => (a.position < b.position ? -1 : 1));
  }

  add(entry: ChainEntry): void {
    this.checked++;
    const at = { stream: entry.stream, revision: entry.revision, position: entry.position.toString() };
    this.passPointsBefore(entry.position);
    if (entry.position <= this.lastPosition) {
      this.report('log-chain', at, {
        zh: `全局位置 ${entry.position} 出现在 ${this.lastPosition} 之后：顺序被改动`,
        en: `position ${entry.position} comes after ${this.lastPosition}: the order was changed`,
      });
    } else if (this.options.contiguous && entry.position !== this.lastPosition + 1n) {
      const from = this.lastPosition + 1n;
      const to = entry.position - 1n;
      this.report(
        'missing',
        { stream: null, revision: null, position: from.toString() },
        {
          zh: `全局位置 ${from}${to > from ? `–${to}` : ''} 的事件缺失（被删除）`,
          en: `the event${to > from ? 's' : ''} at position ${from}${to > from ? `–${to}` : ''} ${to > from ? 'are' : 'is'} missing (removed)`,
        },
      );
    }
    if (!entry.contentMatches) this.report('altered', at, alteredMessage(entry.stream, entry.revision, entry.position));
    this.checkStream(entry, at);
    this.checkLog(entry, at);
    this.lastPosition = entry.position > this.lastPosition ? entry.position : this.lastPosition;
    this.passPointAt(entry);
  }

  /** Ends the walk: signed points beyond the last event mean its tail was removed. */
  finish(): { head: { position: bigint; logHash: string | null } } {
    for (const point of this.points)
      this.report(
        'tail-removed',
        { stream: null, revision: null, position: point.position.toString() },
        {
          zh: `日志止于位置 ${this.lastPosition}，而${point.label.zh}签署到位置 ${point.position}：末尾的事件被删除`,
          en: `the log ends at position ${this.lastPosition}, but the ${point.label.en} was signed at position ${point.position}: its tail was removed`,
        },
      );
    this.points.length = 0;
    return { head: { position: this.lastPosition, logHash: this.lastLogHash } };
  }

  private checkStream(entry: ChainEntry, at: Location): void {
    const previous = this.streams.get(entry.stream);
    this.streams.set(entry.stream, { revision: entry.revision, hash: entry.hash });
    if (!previous) {
      if (this.partial) return; // its earlier revisions lie before the walk's start
      if (entry.revision !== 0)
        this.report(
          'stream-gap',
          { stream: entry.stream, revision: 0, position: null },
          {
            zh: `流 ${entry.stream} 的第 0–${entry.revision - 1} 版缺失`,
            en: `revisions 0–${entry.revision - 1} of stream ${entry.stream} are missing`,
          },
        );
      else if (entry.prevHash !== null)
        this.report('stream-chain', at, {
          zh: `流 ${entry.stream} 的首个事件带有前一哈希：链被改动`,
          en: `the first event of stream ${entry.stream} has a previous hash: its chain was changed`,
        });
      return;
    }
    if (entry.revision !== previous.revision + 1) {
      const message =
        entry.revision > previous.revision + 1
          ? {
              zh: `流 ${entry.stream} 的第 ${previous.revision + 1}${entry.revision - 1 > previous.revision + 1 ? `–${entry.revision - 1}` : ''} 版缺失或被移动`,
              en: `revision ${previous.revision + 1}${entry.revision - 1 > previous.revision + 1 ? `–${entry.revision - 1}` : ''} of stream ${entry.stream} is missing or was moved`,
            }
          : {
              zh: `流 ${entry.stream} 的第 ${entry.revision} 版出现在第 ${previous.revision} 版之后：顺序被改动或重复插入`,
              en: `revision ${entry.revision} of stream ${entry.stream} comes after revision ${previous.revision}: reordered or inserted`,
            };
      // A missing revision is named by its number (its position went with it); a repeated one where it stands.
      const missing = entry.revision > previous.revision + 1;
      this.report(
        'stream-gap',
        missing ? { stream: entry.stream, revision: previous.revision + 1, position: null } : at,
        message,
      );
    } else if (entry.prevHash !== previous.hash) {
      this.report('stream-chain', at, {
        zh: `与流 ${entry.stream} 上一版的哈希不衔接：上一版被改动后重新封存，或此事件为插入`,
        en: `does not chain to the previous revision of stream ${entry.stream}: that one was edited and re-sealed, or this one was inserted`,
      });
    }
  }

  private checkLog(entry: ChainEntry, at: Location): void {
    const key = this.options.hashesCheckedElsewhere ? null : this.options.keyAt(entry.position);
    if (!key) {
      // Not verifiable here (reported once for the range by the caller): follow the stored chain.
      this.lastLogHash = entry.logHash ?? null;
      return;
    }
    const expected = logLink(key, this.lastLogHash, entry.position, entry.hash);
    if (entry.logHash === undefined) {
      this.lastLogHash = expected;
      return;
    }
    if (entry.logHash !== expected) this.report('log-chain', at, LOG_CHAIN_MESSAGE);
    // The next link was made from the stored value: follow it, so one edit is reported once, not for every later event.
    this.lastLogHash = entry.logHash;
  }

  /** Points at positions with no event (a gap) are reported when the walk passes them. */
  private passPointsBefore(position: bigint): void {
    while (this.points.length > 0 && this.points[0].position < position) {
      const point = this.points.shift()!;
      this.report(
        'checkpoint',
        { stream: null, revision: null, position: point.position.toString() },
        {
          zh: `${point.label.zh}所签的位置 ${point.position} 已无事件：事件被删除或移动`,
          en: `no event is left at position ${point.position}, which the ${point.label.en} signed: events were removed or moved`,
        },
      );
    }
  }

  private passPointAt(entry: ChainEntry): void {
    while (this.points.length > 0 && this.points[0].position === entry.position) {
      const point = this.points.shift()!;
      if (point.logHash === this.lastLogHash) continue;
      this.report(
        'checkpoint',
        { stream: entry.stream, revision: entry.revision, position: entry.position.toString() },
        {
          zh: `位置 ${entry.position} 的日志哈希与${point.label.zh}不符：此前的事件被改动、删除、插入或重排`,
          en: `the log hash at position ${entry.position} is not the one the ${point.label.en} signed: an event up to there was altered, removed, inserted or reordered`,
        },
      );
    }
  }

  /** A fault a hashing worker found (hashesCheckedElsewhere). */
  reportFault(fault: { kind: 'altered' | 'log-chain'; position: number; stream: string; revision: number }): void {
    const at = { stream: fault.stream, revision: fault.revision, position: String(fault.position) };
    if (fault.kind === 'altered')
      this.report('altered', at, alteredMessage(fault.stream, fault.revision, fault.position));
    else this.report('log-chain', at, LOG_CHAIN_MESSAGE);
  }

  report(kind: ProblemKind, at: Location, message: Bilingual): void {
    if (this.problems.length >= (this.options.maxProblems ?? 1000)) {
      this.omitted++;
      return;
    }
    this.problems.push({ kind, ...at, message });
  }
}

type Location = Pick<IntegrityProblem, 'stream' | 'revision' | 'position'>;
