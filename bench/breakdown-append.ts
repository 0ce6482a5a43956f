import { createHash, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { NewEvent } from '../src/core/messages.js';
import { canonicalJson, hashEventV1, sealEventTexts } from '../src/core/event-store/hash-chain.js';
import { openBaselineDb } from './baseline.js';
import { microsPerOp } from './util.js';

export interface Step {
  step: string;
  micros: number;
}

const REPEATS = 3;

/**
 * Where the time of one single-event append goes, step by step, each step run over the events the
 * append benchmark writes, in isolation (best of 3 runs after a warm-up, as V8 must optimise first).
 * The SQLite steps run on a NORMAL file that already holds those events over the same streams, so
 * the revision lookup walks a realistic index. Inside one long transaction a statement costs only
 * its own work; "BEGIN + COMMIT" is what one IMMEDIATE transaction per insert adds on top.
 */
export const appendBreakdown = (dir: string, streams: string[], events: NewEvent[]): Step[] => {
  const n = events.length;
  const recordedAt = new Date().toISOString();
  const seal = (i: number) =>
    sealEventTexts(streams[i % streams.length], [events[i]], { revision: i, hash: null }, new Date().toISOString())[0];
  const sealed = events.map((_, i) => seal(i).event);
  const hashable = sealed.map(({ hash: _hash, ...rest }) => rest);
  const texts = sealed.map((e) => ({ data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
  const v2Input = (i: number) => {
    const e = hashable[i];
    return `2\n${JSON.stringify([e.id, e.stream, e.revision, e.type, e.prevHash])}\n${texts[i].data}\n${texts[i].metadata}`;
  };
  const inputs = hashable.map((_, i) => v2Input(i));
  const canonical = hashable.map((h) => canonicalJson(h));

  const steps: Step[] = [];
  const time = (step: string, body: (i: number) => void) => {
    microsPerOp(Math.min(n, 2000), body);
    steps.push({ step, micros: microsPerOp(n, body, REPEATS) });
  };

  time('sealEventTexts, whole (what the adapter runs per event)', seal);
  time('  JSON.stringify data + metadata (stored, and hashed as stored)', (i) => {
    JSON.stringify(sealed[i].data);
    JSON.stringify(sealed[i].metadata);
  });
  time('  chain v2 input string (version, envelope fields, the two texts)', v2Input);
  time('  sha256 of the chain v2 input', (i) => createHash('sha256').update(inputs[i]).digest('hex'));
  time('  randomUUID (event id)', () => randomUUID());
  time('  new Date().toISOString() (recordedAt, once per append)', () => new Date().toISOString());
  time('  metadata copy + sealed objects (as sealEventTexts builds them)', (i) => {
    const { type, data, metadata } = events[i];
    const { id, stream, revision, prevHash } = hashable[i];
    const envelope = { id, stream, revision, type };
    return { event: { ...envelope, data, metadata: { ...metadata, recordedAt }, prevHash, hash: sealed[i].hash } };
  });
  time('for comparison, chain v1: canonicalJson of the event', (i) => canonicalJson(hashable[i]));
  time('for comparison, chain v1: sha256 of the canonical string', (i) =>
    createHash('sha256').update(canonical[i]).digest('hex'),
  );
  time('for comparison, chain v1: hashEventV1, whole', (i) => hashEventV1(hashable[i]));

  const db = openBaselineDb(join(dir, 'breakdown-append.db'), 'NORMAL');
  try {
    const insert = db.prepare(
      'INSERT INTO events (stream, revision, id, type, data, metadata, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const last = db.prepare('SELECT revision, hash FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1');
    const rows = sealed.map((e) => ({ ...e, data: JSON.stringify(e.data), metadata: JSON.stringify(e.metadata) }));
    // Each insert pass shifts revisions by n so the unique (stream, revision) index never rejects a row.
    let offset = 0;
    const insertAt = (i: number) => {
      const r = rows[i];
      insert.run(r.stream, r.revision + offset, r.id, r.type, r.data, r.metadata, r.prevHash, r.hash);
    };
    const pass = (body: (i: number) => void) => {
      const micros = microsPerOp(n, body);
      offset += n;
      return micros;
    };
    const inOne = db.transaction((body: () => void) => body());
    const perInsert = db.transaction((i: number) => insertAt(i));

    inOne.immediate(() => pass(insertAt)); // warm-up, and the rows the lookups will find
    let insertMicros = 0;
    inOne.immediate(() => (insertMicros = pass(insertAt)));
    steps.push({ step: 'SQLite INSERT (inside one long transaction)', micros: insertMicros });
    let lookup = 0;
    inOne.immediate(() => (lookup = microsPerOp(n, (i) => last.get(streams[i % streams.length]), REPEATS)));
    steps.push({ step: 'SQLite SELECT last revision + hash (inside one long transaction)', micros: lookup });
    const transactionMicros = pass((i) => perInsert.immediate(i));
    steps.push({
      step: 'SQLite BEGIN IMMEDIATE + COMMIT (NORMAL), per transaction',
      micros: transactionMicros - insertMicros,
    });
  } finally {
    db.close();
  }
  return steps;
};
