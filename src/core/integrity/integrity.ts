import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AppConfig } from '../../config.js';
import type { Bilingual } from '../errors.js';
import type { EventStore } from '../event-store/event-store.js';
import { hashEvent, hashEventV1, UNKEYED_LOG, type LogKey } from '../event-store/hash-chain.js';
import { SqliteEventStore, type ChainRow, type LightChainRow } from '../event-store/sqlite-event-store.js';
import type { RecordedEvent } from '../messages.js';
import type { Clock } from '../time/clock.js';
import type { AuditKeyState } from './audit-key.js';
import {
  checkSignature,
  latestOf,
  readAnchor,
  signCheckpoint,
  writeAnchor,
  type CheckpointTable,
  type SignedCheckpoint,
} from './checkpoints.js';
import type { HashWorkerInput, HashWorkerOutput } from './hash-worker.js';
import {
  LogVerifier,
  sortProblems,
  type ChainEntry,
  type ExpectedPoint,
  type IntegrityProblem,
} from './log-verifier.js';
import { keyAtIn, rowContentMatches, RowHasher, type KeyRange } from './row-checks.js';

/** What verify answers (the CLI's `verify --json`, GET /api/integrity/verify, IntegrityService.verify()). */
export interface IntegrityReport {
  ok: boolean;
  /** `full`: every event from the first; `tail`: the events after the latest signed checkpoint (the start check). */
  scope: 'full' | 'tail';
  checkedAt: string;
  checkedEvents: number;
  /** The log's last event as the walk found it. */
  head: { position: string; logHash: string | null };
  /** The latest checkpoint whose signature holds, if any. */
  checkpoint: { position: string; logHash: string; signedAt: string; keyId: string } | null;
  problems: IntegrityProblem[];
  /** Problems found beyond the first 1,000 listed. */
  omittedProblems: number;
  /** What the reader should know that is no fault: a back-filled range, an unkeyed start. */
  notes: Bilingual[];
  /** The installation's audit key (its id and public key), null when unavailable. */
  key: { id: string; publicKey: string } | null;
}

/** Where integrity keeps its files, from the configuration. */
export interface IntegrityPaths {
  keyFile: string;
  /** The latest checkpoint beside the key, named after the store it anchors; null for the memory store. */
  anchorFile: string | null;
  /** Where every checkpoint is kept: the events' own SQLite file, or a file of its own for the other stores. */
  checkpointFile: string;
}

export const integrityPaths = (config: AppConfig): IntegrityPaths => {
  const { kind, sqliteFile, connectionString } = config.eventStore;
  const keyFile = config.audit.keyFile;
  const location = kind === 'sqlite' ? sqliteFile : (connectionString ?? '');
  const tag = createHash('sha256').update(`${kind}:${location}`).digest('hex').slice(0, 16);
  return {
    keyFile,
    anchorFile: kind === 'memory' ? null : join(dirname(keyFile), `audit-anchor-${tag}.json`),
    checkpointFile:
      kind === 'sqlite' ? sqliteFile : kind === 'memory' ? ':memory:' : join(config.dataDir, 'integrity.sqlite'),
  };
};

const PAGE = 5000;

/** The hashing workers' script, beside this module once compiled (absent when jest runs the sources). */
const HASH_WORKER = new URL('./hash-worker.js', import.meta.url);

export interface IntegrityOptions {
  /**
   * A full verify of a SQLite log with at least this many events hashes in two worker threads while the
   * main thread walks the chains (50,000 unless set; the CLI reads VERIFY_PARALLEL_FROM).
   */
  parallelFrom?: number;
}

/** The checks, over any adapter: SQLite's stored rows (texts and log hashes), or the port's readAll. */
export class Integrity {
  constructor(
    private readonly store: EventStore,
    private readonly keyState: AuditKeyState,
    private readonly table: CheckpointTable,
    private readonly anchorFile: string | null,
    private readonly clock: Clock,
    private readonly options: IntegrityOptions = {},
  ) {}

  /** Every event from the first, against every stored checkpoint, the anchor and `against` (exported files). */
  async verify(options: { against?: SignedCheckpoint[] } = {}): Promise<IntegrityReport> {
    const gathered = this.gatherCheckpoints(options.against ?? []);
    const setup = this.keySetup();
    const store = this.store;
    const head = Number(await store.headPosition());
    const parallel =
      store instanceof SqliteEventStore &&
      head >= (this.options.parallelFrom ?? 50_000) &&
      existsSync(fileURLToPath(HASH_WORKER));
    const verifier = new LogVerifier({
      keyAt: setup.keyAt,
      contiguous: store.kind !== 'eventstoredb',
      points: gathered.points,
      hashesCheckedElsewhere: parallel,
    });
    for (const problem of [...gathered.problems, ...setup.problems])
      verifier.report(problem.kind, problem, problem.message);
    if (parallel) {
      // The workers read and hash the rows up to `head` while this thread walks the light columns of all.
      const hashed = this.hashInWorkers(store.file, head, setup.ranges);
      await this.walk(verifier, 0n, { light: true });
      for (const output of await hashed) {
        output.faults.forEach((fault) => verifier.reportFault(fault));
        verifier.omitted += output.omitted;
      }
      // Rows appended during the walk (past `head`) are hashed here.
      const tail = new RowHasher((position) => setup.keyAt(BigInt(position)), store.chainRowAt(head)?.[9] ?? null);
      for (
        let rows = store.readChainRows(head, PAGE);
        rows.length > 0;
        rows = store.readChainRows(rows[rows.length - 1][0], PAGE)
      )
        rows.forEach((row) => tail.add(row));
      tail.faults.forEach((fault) => verifier.reportFault(fault));
    } else await this.walk(verifier, 0n);
    return this.reportOf('full', verifier, gathered.latest, setup.notes);
  }

  /**
   * The cheap check the app makes at start and before each checkpoint: the latest checkpoint's signature,
   * that the log still holds what it signed at its position, and every event after it.
   */
  async checkTail(): Promise<IntegrityReport> {
    const gathered = this.gatherCheckpoints([]);
    const latest = gathered.latest;
    if (!latest) return this.verify();
    const setup = this.keySetup();
    const position = BigInt(latest.checkpoint.position);
    const verifier = new LogVerifier({
      keyAt: setup.keyAt,
      contiguous: this.store.kind !== 'eventstoredb',
      start: { position, logHash: latest.checkpoint.logHash },
    });
    for (const problem of [...gathered.problems, ...setup.problems])
      verifier.report(problem.kind, problem, problem.message);
    await this.checkSignedPosition(verifier, latest);
    await this.walk(verifier, position);
    return this.reportOf('tail', verifier, latest, setup.notes);
  }

  /**
   * Checks the tail and, when it verifies and the log has grown, signs a checkpoint of the head: stored
   * in the table and written as the anchor beside the key. A log that does not verify is never signed.
   */
  async checkpoint(): Promise<{ report: IntegrityReport; written: SignedCheckpoint | null }> {
    const report = await this.checkTail();
    const key = this.keyState.key;
    const head = BigInt(report.head.position);
    if (!report.ok || !key || head === 0n || report.head.logHash === null) return { report, written: null };
    if (report.checkpoint && BigInt(report.checkpoint.position) >= head) return { report, written: null };
    const written = signCheckpoint(key, head, report.head.logHash, this.clock.now());
    this.table.save(written);
    if (this.anchorFile) writeAnchor(this.anchorFile, written);
    return {
      report: { ...report, checkpoint: { ...written.checkpoint } },
      written,
    };
  }

  /** How many events lie after `position`, counting at most `cap`. */
  eventsAfter(position: bigint, cap: number): Promise<number> {
    return this.store.countAfter(position, cap);
  }

  /** The latest checkpoint whose signature holds (what an auditor exports and keeps). */
  latestCheckpoint(): SignedCheckpoint | null {
    return this.gatherCheckpoints([]).latest;
  }

  private gatherCheckpoints(against: SignedCheckpoint[]) {
    const problems: IntegrityProblem[] = [];
    const { checkpoints, unreadable } = this.table.all();
    for (const position of unreadable)
      problems.push(
        problem('checkpoint-signature', position, '存储的检查点无法读取', 'a stored checkpoint cannot be read'),
      );
    let anchor: SignedCheckpoint | null = null;
    if (this.anchorFile) {
      try {
        anchor = readAnchor(this.anchorFile);
      } catch (error) {
        problems.push(
          problem(
            'checkpoint-signature',
            null,
            `锚定检查点文件无法读取：${(error as Error).message}`,
            `the anchor file cannot be read: ${(error as Error).message}`,
          ),
        );
      }
    }
    const seen = new Set<string>();
    const valid: SignedCheckpoint[] = [];
    const points: ExpectedPoint[] = [];
    const sources: [SignedCheckpoint, Bilingual][] = [
      ...checkpoints.map((c): [SignedCheckpoint, Bilingual] => [c, { zh: '库内检查点', en: 'stored checkpoint' }]),
      ...(anchor
        ? [
            [anchor, { zh: '密钥旁的锚定检查点', en: 'anchored checkpoint beside the key' }] as [
              SignedCheckpoint,
              Bilingual,
            ],
          ]
        : []),
      ...against.map((c): [SignedCheckpoint, Bilingual] => [c, { zh: '导出的检查点', en: 'exported checkpoint' }]),
    ];
    for (const [signed, source] of sources) {
      const { position, signedAt, keyId } = signed.checkpoint;
      const label = {
        zh: `${source.zh}（${signedAt}，密钥 ${keyId}）`,
        en: `${source.en} (${signedAt}, key ${keyId})`,
      };
      const verdict = checkSignature(signed, this.keyState.key);
      if (verdict === 'invalid') {
        problems.push(
          problem(
            'checkpoint-signature',
            position,
            `${label.zh}的签名不成立：检查点被改动`,
            `the signature of the ${label.en} does not hold: the checkpoint was altered`,
          ),
        );
        continue;
      }
      if (verdict === 'other-key') {
        problems.push(
          problem(
            'key-unknown',
            position,
            `${label.zh}由另一密钥签署，不是本系统的审计密钥`,
            `the ${label.en} is signed by another key than this installation's audit key`,
          ),
        );
        continue;
      }
      const id = `${position}:${signed.checkpoint.logHash}`;
      valid.push(signed);
      if (seen.has(id)) continue;
      seen.add(id);
      points.push({ position: BigInt(position), logHash: signed.checkpoint.logHash, label });
    }
    return { problems, points, latest: latestOf(valid) };
  }

  /** Which key checks which range of the log, and what to say about ranges it cannot check. */
  private keySetup(): {
    keyAt: (position: bigint) => LogKey | null;
    ranges: KeyRange[];
    problems: IntegrityProblem[];
    notes: Bilingual[];
  } {
    const current = this.keyState.key?.logKey ?? UNKEYED_LOG;
    const problems: IntegrityProblem[] = [];
    const notes: Bilingual[] = [];
    if (this.keyState.problem)
      problems.push(
        problem(
          'no-key',
          null,
          `审计密钥不可用：${this.keyState.problem}`,
          `the audit key is not available: ${this.keyState.problem}`,
        ),
      );
    if (!(this.store instanceof SqliteEventStore))
      return { keyAt: () => current, ranges: [{ fromPosition: 1, key: current }], problems, notes };
    const known = (id: string): LogKey | null =>
      id === current.id ? current : id === UNKEYED_LOG.id ? UNKEYED_LOG : null;
    const ranges = this.store.logKeyRanges().map((range) => ({ ...range, key: known(range.keyId) }));
    let keyedBefore = false;
    ranges.forEach((range, index) => {
      const to = ranges[index + 1] ? ` – ${ranges[index + 1].fromPosition - 1}` : '';
      const span = `${range.fromPosition}${to}`;
      if (range.note.startsWith('back-filled'))
        notes.push({
          zh: `位置 ${span} 的全局日志链为升级时补建：此前的改动只能由各流的哈希链发现`,
          en: `positions ${span}: ${range.note}`,
        });
      if (range.keyId === UNKEYED_LOG.id) {
        if (keyedBefore)
          problems.push(
            problem(
              'key-downgrade',
              String(range.fromPosition),
              `自位置 ${range.fromPosition} 起全局日志链不再使用密钥`,
              `from position ${range.fromPosition} on, the log is chained without a key, after a keyed range`,
            ),
          );
        else
          notes.push({
            zh: `位置 ${span} 的全局日志链未使用密钥（当时尚无审计密钥）`,
            en: `positions ${span} are chained without a key (no audit key then)`,
          });
      } else keyedBefore = true;
      if (!range.key)
        problems.push(
          problem(
            'key-unknown',
            String(range.fromPosition),
            `位置 ${span} 由密钥 ${range.keyId} 链接，本系统没有该密钥，无法核验`,
            `positions ${span} are chained under key ${range.keyId}, which this installation does not hold: they cannot be checked`,
          ),
        );
    });
    const keyRanges: KeyRange[] = ranges.length > 0 ? ranges : [{ fromPosition: 1, key: current }];
    return { keyAt: keyAtIn(keyRanges, current), ranges: keyRanges, problems, notes };
  }

  /** The row the latest checkpoint signed must still be there, with the log hash it signed. */
  private async checkSignedPosition(verifier: LogVerifier, latest: SignedCheckpoint): Promise<void> {
    const position = BigInt(latest.checkpoint.position);
    let found: { stream: string; revision: number; logHash?: string | null } | undefined;
    if (this.store instanceof SqliteEventStore) {
      const row = this.store.chainRowAt(Number(position));
      found = row && { stream: row[1], revision: row[2], logHash: row[9] };
    } else {
      const [event] = await this.store.readAll({ after: position - 1n, limit: 1 });
      found = event?.position === position ? { stream: event.stream, revision: event.revision } : undefined;
    }
    const at = latest.checkpoint.position;
    if (!found) {
      const head = await this.store.headPosition();
      if (head < position)
        verifier.report(
          'tail-removed',
          { stream: null, revision: null, position: at },
          {
            zh: `日志止于位置 ${head}，而最近的签名检查点签署到位置 ${at}：末尾的事件被删除`,
            en: `the log ends at position ${head}, but the latest signed checkpoint covers up to position ${at}: its tail was removed`,
          },
        );
      else
        verifier.report(
          'checkpoint',
          { stream: null, revision: null, position: at },
          {
            zh: `最近的签名检查点所签的位置 ${at} 已无事件`,
            en: `no event is left at position ${at}, which the latest signed checkpoint signed`,
          },
        );
    } else if (found.logHash !== undefined && found.logHash !== latest.checkpoint.logHash) {
      verifier.report(
        'checkpoint',
        { stream: found.stream, revision: found.revision, position: at },
        {
          zh: `位置 ${at} 的日志哈希与最近的签名检查点不符：此前的事件被改动、删除、插入或重排`,
          en: `the log hash at position ${at} is not the one the latest signed checkpoint signed: an event up to there was altered, removed, inserted or reordered`,
        },
      );
    }
  }

  /**
   * Two worker threads hash the rows up to `head`, half each, on their own read connections.
   */
  private async hashInWorkers(file: string, head: number, ranges: KeyRange[]): Promise<HashWorkerOutput[]> {
    const half = Math.floor(head / 2);
    const plainRanges = ranges.map(({ fromPosition, key }) => ({
      fromPosition,
      key: key && { id: key.id, secret: new Uint8Array(key.secret) },
    }));
    const run = (from: number, to: number) =>
      new Promise<HashWorkerOutput>((resolve, reject) => {
        const worker = new Worker(HASH_WORKER, {
          workerData: { file, from, to, ranges: plainRanges } satisfies HashWorkerInput,
        });
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => {
          if (code !== 0) reject(new Error(`a hash worker exited with ${code}`));
        });
      });
    return Promise.all([run(0, half), run(half, head)]);
  }

  /** Feeds the verifier every event after `after`, page by page (`light`: without data and metadata). */
  private async walk(verifier: LogVerifier, after: bigint, { light = false } = {}): Promise<void> {
    const store = this.store;
    if (store instanceof SqliteEventStore) {
      let last = Number(after);
      const read = (from: number) =>
        light
          ? store.readChainLightRows(from, PAGE).map(entryOfLightRow)
          : store.readChainRows(from, PAGE).map(entryOfRow);
      for (let entries = read(last); entries.length > 0; entries = read(last)) {
        for (const entry of entries) verifier.add(entry);
        last = Number(entries[entries.length - 1].position);
        await yieldToEventLoop();
      }
      return;
    }
    let position = after;
    for (
      let events = await this.store.readAll({ after: position, limit: PAGE });
      events.length > 0;
      events = await this.store.readAll({ after: position, limit: PAGE })
    ) {
      for (const event of events) verifier.add(entryOfEvent(event));
      position = events[events.length - 1].position;
    }
  }

  private reportOf(
    scope: IntegrityReport['scope'],
    verifier: LogVerifier,
    latest: SignedCheckpoint | null,
    notes: Bilingual[],
  ): IntegrityReport {
    const { head } = verifier.finish();
    const key = this.keyState.key;
    return {
      ok: verifier.problems.length === 0,
      scope,
      checkedAt: this.clock.now().toISOString(),
      checkedEvents: verifier.checked,
      head: { position: head.position.toString(), logHash: head.logHash },
      checkpoint: latest && { ...latest.checkpoint },
      problems: sortProblems(verifier.problems),
      omittedProblems: verifier.omitted,
      notes,
      key: key ? { id: key.id, publicKey: key.publicKeyPem } : null,
    };
  }
}

const problem = (
  kind: IntegrityProblem['kind'],
  position: string | null,
  zh: string,
  en: string,
): IntegrityProblem => ({
  kind,
  stream: null,
  revision: null,
  position,
  message: { zh, en },
});

/** A page of a long walk at a time, so the app keeps answering requests while it verifies. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A stored row: its hash is checked on the very text stored (chain v2), or on the parsed event (v1). */
export const entryOfRow = (row: ChainRow): ChainEntry => {
  const [position, stream, revision, , , , , prevHash, hash, logHash] = row;
  return {
    position: BigInt(position),
    stream,
    revision,
    prevHash,
    hash,
    contentMatches: rowContentMatches(row),
    logHash,
  };
};

/** A row without its texts, whose hashes the workers check. */
const entryOfLightRow = ([position, stream, revision, prevHash, hash, logHash]: LightChainRow): ChainEntry => ({
  position: BigInt(position),
  stream,
  revision,
  prevHash,
  hash,
  contentMatches: true,
  logHash,
});

/** An event read through the port (EventStoreDB, memory): no stored log hash, the chain is recomputed. */
export const entryOfEvent = (event: RecordedEvent): ChainEntry => ({
  position: event.position,
  stream: event.stream,
  revision: event.revision,
  prevHash: event.prevHash,
  hash: event.hash,
  contentMatches: hashEvent(event) === event.hash || hashEventV1(event) === event.hash,
});
