import { afterAll, describe, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store.js';
import { verifyChain } from '../../src/core/event-store/hash-chain.js';
import { ROOT, track } from '../support/processes.js';

/**
 * Two processes race on one stream of one SQLite file, each trying to append at every revision:
 * for every revision exactly one wins and the other gets the conflict, whatever the interleaving.
 */
const WRITER = `
import { SqliteEventStore } from '${join(ROOT, 'dist/core/event-store/sqlite-event-store.js')}';
import { WrongExpectedRevisionError } from '${join(ROOT, 'dist/core/event-store/event-store.js')}';
import { existsSync } from 'node:fs';
const [file, name, rounds, go] = process.argv.slice(1);
const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
// Both writers start together: each says it is ready, then waits for the go file.
console.log('ready');
while (!existsSync(go)) await new Promise((resolve) => setTimeout(resolve, 5));
const metadata = { actorId: name, actorRole: 'system', commandId: name, correlationId: name, causationId: name, occurredAt: new Date().toISOString(), unitIds: [], schemaVersion: 1 };
const won = [];
for (let revision = 0; revision < Number(rounds); revision++) {
  try {
    await store.append('race-1', [{ type: 'Raced', data: { by: name, revision }, metadata }], revision);
    won.push(revision);
  } catch (error) {
    if (!(error instanceof WrongExpectedRevisionError)) throw error;
    revision = error.actual - 1; // catch up with the other writer and contend for the next revision
  }
}
await store.close();
console.log(JSON.stringify(won));

`;

const writer = (file: string, name: string, rounds: number, go: string) => {
  const child = track(
    spawn(process.execPath, ['--input-type=module', '-e', WRITER, file, name, String(rounds), go], {
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  let out = '';
  const ready = new Promise<void>((resolve) =>
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.startsWith('ready\n')) resolve();
    }),
  );
  const wins = new Promise<number[]>((resolve, reject) =>
    child.on('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out.slice('ready\n'.length)))
        : reject(new Error(`writer ${name} exited ${code}`)),
    ),
  );
  return { ready, wins };
};

describe('SQLite: writers in two processes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'party-ledger-race-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('every revision is won exactly once; the stream stays contiguous and its chain verifies', async () => {
    const file = join(dir, 'events.sqlite');
    const setup = new SqliteEventStore({ file });
    await setup.append(
      'race-1',
      [
        {
          type: 'Started',
          data: {},
          metadata: {
            actorId: 't',
            actorRole: 't',
            commandId: 't',
            correlationId: 't',
            causationId: 't',
            occurredAt: '2026-11-23T00:00:00Z',
            unitIds: [],
            schemaVersion: 1,
          },
        },
      ],
      'no_stream',
    );
    await setup.close();
    const rounds = 1000;
    const go = join(dir, 'go');
    const writers = [writer(file, 'a', rounds, go), writer(file, 'b', rounds, go)];
    await Promise.all(writers.map((w) => w.ready));
    writeFileSync(go, '');
    const [a, b] = await Promise.all(writers.map((w) => w.wins));
    // Usually both win some revisions; on a loaded machine one may run ahead, which the invariants below also cover.
    const wins = [...a, ...b].sort((x, y) => x - y);
    expect(wins).toEqual(Array.from({ length: rounds }, (_, i) => i));
    const store = new SqliteEventStore({ file });
    const events = await store.readStream('race-1');
    await store.close();
    expect(events).toHaveLength(rounds + 1);
    expect(verifyChain(events).ok).toBe(true);
  });
});
