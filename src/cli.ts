import 'reflect-metadata';
import { ensureDataDir, loadConfig } from './config.js';
import { announceCredentials, createAdministrator } from './auth/first-admin.js';
import { generatePassword, hashPassword } from './auth/passwords.js';
import { demoCountyLoaded, seedDemoCounty } from './demo/demo-county.js';
import { FEATURES } from './features.js';
import { assembleFeatures } from './core/feature.js';
import { DEMO_PASSWORD } from './first-start.js';
import { DomainError, StartupError } from './core/errors.js';
import type { EventStore } from './core/event-store/event-store.js';
import { createEventStore } from './core/event-store/create-event-store.js';
import { PolicyRunner, type StoredPolicyStatus } from './core/jobs/policy-runner.js';
import { statement, type ReadModelDb } from './core/projections/projection.js';
import { ProjectionRunner, type RebuildProgress } from './core/projections/projection-runner.js';
import { closeReadModelDb, openReadModelDb } from './core/projections/read-model-db.js';
import { replay, REPLAY_USAGE } from './audit/replay-cli.js';
import { systemClock } from './core/time/clock.js';
import { auditKeyState } from './core/integrity/audit-key.js';
import { CheckpointTable, readCheckpointFile, type SignedCheckpoint } from './core/integrity/checkpoints.js';
import { Integrity, integrityPaths, type IntegrityReport } from './core/integrity/integrity.js';
import { writeFileSync } from 'node:fs';

const USAGE = `Usage: npm run cli -- <command>

  rebuild <name|all>   drop a read model (or all) and replay every event into it
  projections          list the read models and the policies with their checkpoints and lag
  create-admin [name]  create a bureau administrator (default name: admin) with a generated password
  seed-demo [seed]     load the demo county (the same seed gives the same county; default 2019)
  verify [--json] [--against <checkpoint.json>]…
                       verify every event (its content, its stream's chain, the global log's chain) and every
                       signed checkpoint (stored, beside the key, and each exported file given); names the
                       stream, revision and position of each problem; exits 2 when the log does not verify
  checkpoint [--export <file>]
                       check the log's tail, sign a checkpoint of its head, and write it to <file> (or print
                       it): a copy for an auditor to keep outside the system
${REPLAY_USAGE}

Reads the same configuration (EVENT_STORE, DATA_DIR, …) as npm start. Safe while the app runs.`;

/** The read models and policies of every feature (src/features.ts), as the app runs them. */
const { projections, policies } = assembleFeatures(FEATURES);

const progressBar = ({ name, done, total }: RebuildProgress, startedAt: number) => {
  const fraction = total === 0 ? 1 : Math.min(1, done / total);
  const width = 30;
  const filled = Math.round(fraction * width);
  const rate = Math.round(done / Math.max(0.001, (Date.now() - startedAt) / 1000));
  return `${name.padEnd(24)} [${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${(fraction * 100).toFixed(0).padStart(3)}% ${done}/${total} events, ${rate}/s`;
};

const rebuild = async (runner: ProjectionRunner, target: string) => {
  const names = target === 'all' ? runner.names : [target];
  for (const name of names) {
    const startedAt = Date.now();
    let lastDraw = 0;
    const draw = (progress: RebuildProgress, final = false) => {
      if (!final && Date.now() - lastDraw < 100) return;
      lastDraw = Date.now();
      if (process.stderr.isTTY) process.stderr.write(`\r${progressBar(progress, startedAt)}`);
      else if (final) process.stderr.write(`${progressBar(progress, startedAt)}\n`);
    };
    let last: RebuildProgress = { name, done: 0, total: 0 };
    await runner.rebuild(name, (progress) => draw((last = progress)));
    draw(last, true);
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
};

/** What happens to a checkpoint at the next start of the app, when its version changed or it has none. */
const nextStart = (stored: number | null, version: number, none: string, changed: string) =>
  stored === null ? none : stored === version ? '' : `${changed} (version ${stored} → ${version})`;

/**
 * The read models' checkpoints as stored in the read-model file (this process runs no projection, so
 * the runner's in-memory positions would all be 0): where each goes on from at the next start.
 */
const storedProjections = (store: EventStore, db: ReadModelDb) => {
  const rows = statement(db, 'SELECT name, position, version FROM projection_checkpoints').all() as {
    name: string;
    position: string;
    version: number;
  }[];
  const stored = new Map(rows.map((row) => [row.name, row]));
  return Promise.all(
    projections.map(async ({ name, version }) => {
      const row = stored.get(name);
      const position = row && row.version === version ? BigInt(row.position) : 0n;
      return {
        name,
        version,
        checkpoint: position.toString(),
        lag: await store.countAfter(position, 1_000_000),
        'next start': nextStart(row?.version ?? null, version, 'builds', 'rebuilds'),
      };
    }),
  );
};

const policyRows = (statuses: StoredPolicyStatus[]) =>
  statuses.map(({ name, version, checkpoint, lag, storedVersion }) => ({
    name,
    version,
    checkpoint,
    lag,
    'next start': nextStart(storedVersion, version, 'reads the whole log', 'replays the log'),
  }));

/** The values following each `--name` in args, and whether each flag is there. */
const option = (args: string[], name: string): string[] =>
  args.flatMap((arg, i) => {
    if (arg !== name) return [];
    const value = args[i + 1];
    if (value === undefined || value.startsWith('--')) throw new StartupError(`${name} needs a file name`);
    return [value];
  });

const verify = async (integrity: Integrity, args: string[]): Promise<number> => {
  const known = new Set(['--json', '--against']);
  const unknown = args.filter((arg, i) => arg.startsWith('--') && !known.has(arg) && args[i - 1] !== '--against');
  if (unknown.length) throw new StartupError(`verify does not know ${unknown.join(', ')}.\n\n${USAGE}`);
  const against: SignedCheckpoint[] = option(args, '--against').map((file) => {
    try {
      return readCheckpointFile(file);
    } catch (error) {
      throw new StartupError(`${(error as Error).message}. 无法读取导出的检查点文件。`);
    }
  });
  const startedAt = Date.now();
  const report = await integrity.verify({ against });
  if (args.includes('--json')) console.log(JSON.stringify(report, null, 2));
  else printReport(report, (Date.now() - startedAt) / 1000);
  return report.ok ? 0 : 2;
};

const printReport = (report: IntegrityReport, seconds: number) => {
  console.log(
    `Checked ${report.checkedEvents} events up to position ${report.head.position} in ${seconds.toFixed(1)} s ` +
      `(key ${report.key?.id ?? 'none'}).`,
  );
  const cp = report.checkpoint;
  console.log(
    cp
      ? `Latest signed checkpoint: position ${cp.position}, signed ${cp.signedAt} with key ${cp.keyId}.`
      : 'No signed checkpoint yet. 尚无签名检查点。',
  );
  for (const note of report.notes) console.log(`Note: ${note.en} / ${note.zh}`);
  if (report.ok) {
    console.log('OK: the log verifies. 校验通过：事件日志未被篡改。');
    return;
  }
  console.log(`FAILED: ${report.problems.length + report.omittedProblems} problem(s). 校验未通过：`);
  for (const p of report.problems) {
    const where = [
      p.stream !== null ? `stream ${p.stream}` : null,
      p.revision !== null ? `revision ${p.revision}` : null,
      p.position !== null ? `position ${p.position}` : null,
    ].filter(Boolean);
    console.log(`  ✗ [${p.kind}] ${where.join(', ')}: ${p.message.en}\n      ${p.message.zh}`);
  }
  if (report.omittedProblems) console.log(`  … and ${report.omittedProblems} more`);
};

const checkpoint = async (integrity: Integrity, args: string[]) => {
  const [file] = option(args, '--export');
  const { report, written } = await integrity.checkpoint();
  if (!report.ok) {
    printReport(report, 0);
    throw new StartupError(
      'The log does not verify, so no checkpoint is signed or exported. 日志校验未通过，不签署检查点。',
    );
  }
  const latest = written ?? integrity.latestCheckpoint();
  if (!latest) throw new StartupError('Nothing to sign: the log is empty, or the audit key is not available.');
  const text = `${JSON.stringify(latest, null, 2)}\n`;
  if (file) {
    writeFileSync(file, text);
    console.error(`Checkpoint of position ${latest.checkpoint.position} written to ${file}`);
  } else process.stdout.write(text);
};

const main = async (args: string[]) => {
  const [verb, target] = args;
  if (!verb || verb === 'help' || verb === '--help') {
    console.log(USAGE);
    return;
  }
  const config = loadConfig();
  ensureDataDir(config.dataDir);
  const paths = integrityPaths(config);
  const key = auditKeyState(paths.keyFile);
  if (key.key?.created)
    console.error(`Audit key created: ${key.key.file} (id ${key.key.id}); public key:\n${key.key.publicKeyPem}`);
  else if (key.problem && (verb === 'verify' || verb === 'checkpoint')) console.error(key.problem);
  const store = await createEventStore(config.eventStore, systemClock, key.key?.logKey);
  const db = openReadModelDb(config.readModelFile);
  const runner = new ProjectionRunner(store, db, projections, (message) => console.error(message));
  try {
    if (verb === 'rebuild') {
      if (!target) throw new StartupError(`rebuild needs a read model name or "all": ${runner.names.join(', ')}, all`);
      if (target !== 'all' && !runner.names.includes(target)) {
        throw new StartupError(`Unknown read model "${target}". Known: ${runner.names.join(', ')}, all`);
      }
      await rebuild(runner, target);
    } else if (verb === 'create-admin') {
      const username = (target ?? 'admin').toLowerCase();
      const password = generatePassword();
      await createAdministrator(store, systemClock, username, password);
      announceCredentials(username, password, 'cli');
    } else if (verb === 'seed-demo') {
      const seed = Number(target ?? 2019);
      if (!Number.isInteger(seed)) throw new StartupError(`seed-demo takes a whole number as seed, not "${target}"`);
      if (await demoCountyLoaded(store, seed)) {
        throw new StartupError(`The demo county of seed ${seed} is already loaded. 示范数据已导入。`);
      }
      const summary = await seedDemoCounty(store, systemClock, await hashPassword(DEMO_PASSWORD), seed);
      console.log(`Demo county loaded: ${JSON.stringify(summary)}; demo accounts use the password ${DEMO_PASSWORD}`);
    } else if (verb === 'replay') {
      await replay(store, systemClock, args.slice(1));
    } else if (verb === 'projections') {
      console.log('Read models (projections):');
      console.table(await storedProjections(store, db));
      // Only the stored checkpoints: nothing is started, so no Redis is needed. Policies run where
      // APP_ROLE is worker or all; lag is the events their jobs have not been asked for yet.
      const policyRunner = new PolicyRunner({
        store,
        db,
        policies,
        enqueue: async () => undefined,
        clock: systemClock,
      });
      console.log('Policies (events → jobs):');
      console.table(policyRows(await policyRunner.stored()));
    } else if (verb === 'verify' || verb === 'checkpoint') {
      const table = new CheckpointTable(paths.checkpointFile);
      try {
        // VERIFY_PARALLEL_FROM: from how many events verify hashes in two worker threads (tests set 1).
        const parallelFrom = Number(process.env.VERIFY_PARALLEL_FROM) || undefined;
        const integrity = new Integrity(store, key, table, paths.anchorFile, systemClock, { parallelFrom });
        if (verb === 'verify') process.exitCode = await verify(integrity, args.slice(1));
        else await checkpoint(integrity, args.slice(1));
      } finally {
        table.close();
      }
    } else {
      throw new StartupError(`Unknown command "${verb}".\n\n${USAGE}`);
    }
  } finally {
    await store.close();
    await closeReadModelDb(db);
  }
};

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = error instanceof StartupError || error instanceof DomainError;
  console.error(known ? (error instanceof DomainError ? `${error.text.zh} / ${error.text.en}` : error.message) : error);
  process.exit(1);
});
