import { afterEach, beforeEach, describe, expect, test } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '../messages.js';
import {
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
  type ExpectedRevision,
} from './event-store.js';
import { verifyChain } from './hash-chain.js';

/** What each adapter's spec supplies: a fresh store, and a second client on the same log. */
export interface ContractFixture {
  store: EventStore;
  /** Another connection/client to the same log, for races between writers. */
  openSecond(): Promise<EventStore>;
  cleanup(): Promise<void>;
}

export const newEvent = (type: string, data: unknown = {}, unitIds: string[] = []): NewEvent => ({
  type,
  data,
  metadata: {
    actorId: 'contract',
    actorRole: 'system',
    commandId: randomUUID(),
    correlationId: randomUUID(),
    causationId: randomUUID(),
    occurredAt: '2026-10-12T02:00:00.000Z',
    unitIds,
    schemaVersion: 1,
  },
});

const events = (count: number, type = 'Counted') => Array.from({ length: count }, (_, i) => newEvent(type, { i }));

/** Streams are unique per test so the suite also runs against a shared EventStoreDB. */
const streamOf = (prefix: string) => `contract${prefix}-${randomUUID()}`;

const rejection = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
};

/** The behaviour every EventStore adapter must show. */
export const eventStoreContract = (name: string, open: () => Promise<ContractFixture>, timeoutMs = 30_000) =>
  describe(`EventStore contract: ${name}`, () => {
    let fixture: ContractFixture;
    let store: EventStore;

    beforeEach(async () => {
      fixture = await open();
      store = fixture.store;
    });
    afterEach(async () => fixture.cleanup());

    test('an empty stream reads as no events, forwards and backwards', async () => {
      const stream = streamOf('Empty');
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.readStream(stream, { direction: 'backwards', limit: 5 })).toEqual([]);
      const error = await rejection(store.append(stream, [newEvent('X')], 'stream_exists'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ stream, expected: 'stream_exists', actual: 'no_stream' });
      expect(await store.readStream(stream)).toEqual([]);
    });

    test('revisions start at 0 and follow each other; the result names the last one', async () => {
      const stream = streamOf('Revisions');
      const first = await store.append(stream, events(3), 'no_stream');
      expect(first.nextExpectedRevision).toBe(2);
      expect(first.events.map((e) => e.revision)).toEqual([0, 1, 2]);
      const second = await store.append(stream, events(2), 2);
      expect(second.nextExpectedRevision).toBe(4);
      expect(second.position).toBeGreaterThan(first.position);
      expect((await store.readStream(stream)).map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
    });

    test.each<[string, ExpectedRevision, number, boolean]>([
      ['any on a new stream', 'any', 0, true],
      ['any on an existing stream', 'any', 2, true],
      ['no_stream on a new stream', 'no_stream', 0, true],
      ['no_stream on an existing stream', 'no_stream', 2, false],
      ['stream_exists on an existing stream', 'stream_exists', 2, true],
      ['stream_exists on a new stream', 'stream_exists', 0, false],
      ['the exact revision', 1, 2, true],
      ['a revision too low', 0, 2, false],
      ['a revision too high', 5, 2, false],
      ['a revision on a new stream', 0, 0, false],
    ])('expected revision: %s', async (_case, expected, existing, succeeds) => {
      const stream = streamOf('Expected');
      if (existing > 0) await store.append(stream, events(existing), 'no_stream');
      const attempt = store.append(stream, [newEvent('Next')], expected);
      if (succeeds) {
        await expect(attempt).resolves.toMatchObject({ nextExpectedRevision: existing });
      } else {
        const error = await rejection(attempt);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect(error).toMatchObject({ stream, expected, actual: existing === 0 ? 'no_stream' : existing - 1 });
        expect(await store.readStream(stream)).toHaveLength(existing);
      }
    });

    test('an append is atomic: a conflict writes none of its events', async () => {
      const stream = streamOf('Atomic');
      await store.append(stream, events(1), 'no_stream');
      await expect(store.append(stream, events(5), 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevisionError);
      expect(await store.readStream(stream)).toHaveLength(1);
    });

    test('two writers racing on one stream: exactly one wins, the other gets the conflict', async () => {
      const second = await fixture.openSecond();
      try {
        for (let round = 0; round < 10; round++) {
          const stream = streamOf('Race');
          await store.append(stream, events(1), 'no_stream');
          const outcomes = await Promise.allSettled([
            store.append(stream, [newEvent('A', { round })], 0),
            second.append(stream, [newEvent('B', { round })], 0),
          ]);
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o) => o.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect((lost[0] as PromiseRejectedResult).reason).toMatchObject({ stream, expected: 0, actual: 1 });
          expect(await store.readStream(stream)).toHaveLength(2);
        }
      } finally {
        await second.close();
      }
    });

    test('concurrent writers on one connection: each append keeps its own check and its own answer', async () => {
      // The SQLite adapter commits such appends as one group; a refused one must fail alone.
      const streams = Array.from({ length: 20 }, () => streamOf('Group'));
      await store.append(streams[7], events(1), 'no_stream');
      const outcomes = await Promise.allSettled(
        streams.map((stream, i) => store.append(stream, [newEvent('G', { i }), newEvent('H', { i })], 'no_stream')),
      );
      outcomes.forEach((outcome, i) => {
        if (i === 7) {
          expect(outcome.status).toBe('rejected');
          expect((outcome as PromiseRejectedResult).reason).toMatchObject({ stream: streams[7], actual: 0 });
          return;
        }
        expect(outcome.status).toBe('fulfilled');
        const result = (outcome as PromiseFulfilledResult<AppendResult>).value;
        expect(result.nextExpectedRevision).toBe(1);
        expect(result.events.map((e) => [e.stream, e.type, e.data])).toEqual([
          [streams[i], 'G', { i }],
          [streams[i], 'H', { i }],
        ]);
      });
      expect(await store.readStream(streams[7])).toHaveLength(1);
      for (const [i, stream] of streams.entries()) expect(await store.readStream(stream)).toHaveLength(i === 7 ? 1 : 2);
      for (const stream of streams) expect(verifyChain(await store.readStream(stream)).ok).toBe(true);
    });

    test('concurrent appends to one stream at the same revision: exactly one wins', async () => {
      const stream = streamOf('SameRevision');
      await store.append(stream, events(1), 'no_stream');
      const outcomes = await Promise.allSettled(
        Array.from({ length: 5 }, (_, i) => store.append(stream, [newEvent('Same', { i })], 0)),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected')).toHaveLength(4);
      const read = await store.readStream(stream);
      expect(read.map((e) => e.revision)).toEqual([0, 1]);
      expect(verifyChain(read).ok).toBe(true);
    });

    test("readUnit: a unit's events across streams, in order, as of a business time or as known at a position", async () => {
      const unit = randomUUID();
      const other = randomUUID();
      const at = (type: string, occurredAt: string, unitIds: string[]) => ({
        ...newEvent(type, { type }, unitIds),
        metadata: { ...newEvent(type).metadata, occurredAt, unitIds },
      });
      const [a, b] = [streamOf('UnitA'), streamOf('UnitB')];
      await store.append(a, [at('Registered', '2026-09-01T00:00:00.000Z', [unit])], 'no_stream');
      await store.append(b, [at('Elsewhere', '2026-09-02T00:00:00.000Z', [other])], 'no_stream');
      const visit = await store.append(b, [at('Visited', '2026-10-12T02:00:00.000Z', [unit, other])], 0);
      await store.append(a, [at('Renamed', '2026-10-20T02:00:00.000Z', [unit, unit])], 0);

      const all = await store.readUnit(unit);
      expect(all.map((e) => e.type)).toEqual(['Registered', 'Visited', 'Renamed']);
      expect(all.map((e) => e.stream)).toEqual([a, b, a]);
      expect((await store.readUnit(other)).map((e) => e.type)).toEqual(['Elsewhere', 'Visited']);
      // As of 15 October (business time): the visit of the 12th is in, the renaming of the 20th is not.
      expect((await store.readUnit(unit, { occurredBy: '2026-10-15T15:59:59.999Z' })).map((e) => e.type)).toEqual([
        'Registered',
        'Visited',
      ]);
      // As known when the visit was recorded (record time, by position or by recordedAt).
      expect((await store.readUnit(unit, { atPosition: visit.position })).map((e) => e.type)).toEqual([
        'Registered',
        'Visited',
      ]);
      const recordedAt = visit.events[0].metadata.recordedAt as string;
      const known = await store.readUnit(unit, { recordedBy: recordedAt });
      expect(known.map((e) => e.type).slice(0, 2)).toEqual(['Registered', 'Visited']);
      expect((await store.readUnit(unit, { types: ['Renamed'] })).map((e) => e.type)).toEqual(['Renamed']);
      const page = await store.readUnit(unit, { after: all[0].position, limit: 1 });
      expect(page.map((e) => e.type)).toEqual(['Visited']);
      expect(await store.readUnit(randomUUID())).toEqual([]);
    });

    test('the global log keeps append order; one append lands contiguously', async () => {
      const [a, b] = [streamOf('OrderA'), streamOf('OrderB')];
      const start = await store.headPosition();
      await store.append(a, [newEvent('A1')], 'any');
      await store.append(b, [newEvent('B1'), newEvent('B2'), newEvent('B3')], 'any');
      await store.append(a, [newEvent('A2')], 'any');
      const ours = (await store.readAll({ after: start })).filter((e) => e.stream === a || e.stream === b);
      expect(ours.map((e) => e.type)).toEqual(['A1', 'B1', 'B2', 'B3', 'A2']);
      const positions = ours.map((e) => e.position);
      expect([...positions].sort((x, y) => (x < y ? -1 : 1))).toEqual(positions);
      expect(new Set(positions).size).toBe(positions.length);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(positions[positions.length - 1]);
    });

    test('readAll pages by position', async () => {
      const stream = streamOf('Paged');
      const start = await store.headPosition();
      await store.append(stream, events(7), 'no_stream');
      const seen: RecordedEvent[] = [];
      let after = start;
      for (;;) {
        const page = await store.readAll({ after, limit: 3 });
        if (page.length === 0) break;
        seen.push(...page);
        after = page[page.length - 1].position;
      }
      expect(seen.filter((e) => e.stream === stream).map((e) => (e.data as { i: number }).i)).toEqual([
        0, 1, 2, 3, 4, 5, 6,
      ]);
      expect(await store.countAfter(start)).toBeGreaterThanOrEqual(7);
      expect(await store.countAfter(start, 2)).toBe(2);
    });

    test('readAll keeps only the types asked for, and the limit counts what it returns', async () => {
      const stream = streamOf('Typed');
      const kept = `Kept${randomUUID().slice(0, 8)}`;
      const start = await store.headPosition();
      await store.append(
        stream,
        Array.from({ length: 9 }, (_, i) => newEvent(i % 3 === 0 ? kept : 'Skipped', { i })),
        'no_stream',
      );
      const seen: RecordedEvent[] = [];
      let after = start;
      for (;;) {
        const page = await store.readAll({ after, limit: 2, types: [kept, 'NeverWritten'] });
        if (page.length === 0) break;
        expect(page.length).toBeLessThanOrEqual(2);
        seen.push(...page);
        after = page[page.length - 1].position;
      }
      expect(seen.map((e) => [e.type, (e.data as { i: number }).i])).toEqual([
        [kept, 0],
        [kept, 3],
        [kept, 6],
      ]);
      expect(verifyChain(await store.readStream(stream)).ok).toBe(true);
    });

    test('a writer whose last view of a stream is stale neither loses nor forks it', async () => {
      const stream = streamOf('Stale');
      await store.append(stream, events(1), 'no_stream');
      const second = await fixture.openSecond();
      try {
        await second.append(stream, events(2), 0);
        // This writer last saw revision 0; revision 2 is what a fresh read shows it.
        const error = await rejection(store.append(stream, events(1), 0));
        expect(error).toMatchObject({ stream, expected: 0, actual: 2 });
        expect((await store.append(stream, events(1), 2)).nextExpectedRevision).toBe(3);
        await second.append(stream, events(1), 3);
        expect((await store.append(stream, events(1), 'any')).nextExpectedRevision).toBe(5);
      } finally {
        await second.close();
      }
      const stored = await store.readStream(stream);
      expect(stored.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(verifyChain(stored)).toMatchObject({ ok: true, count: 6 });
    });

    test('a stream reads backwards and in pages', async () => {
      const stream = streamOf('Pages');
      await store.append(stream, events(25), 'no_stream');
      const index = (list: RecordedEvent[]) => list.map((e) => e.revision);
      expect(index(await store.readStream(stream, { from: 0, limit: 10 }))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      expect(index(await store.readStream(stream, { from: 20, limit: 10 }))).toEqual([20, 21, 22, 23, 24]);
      expect(index(await store.readStream(stream, { direction: 'backwards', limit: 3 }))).toEqual([24, 23, 22]);
      expect(index(await store.readStream(stream, { direction: 'backwards', from: 5 }))).toEqual([5, 4, 3, 2, 1, 0]);
      expect(index(await store.readStream(stream, { direction: 'backwards', from: 5, limit: 2 }))).toEqual([5, 4]);
      expect(await store.readStream(stream, { from: 30 })).toEqual([]);
    });

    test(
      'a subscription catches up, then goes live, with no gap and no duplicate while appends continue',
      async () => {
        const stream = streamOf('Live');
        const start = await store.headPosition();
        for (let i = 0; i < 6; i++) await store.append(stream, events(50), 'any');
        const received: RecordedEvent[] = [];
        const subscription = store.subscribeAll({ after: start, batchSize: 40 }, async (batch) => {
          received.push(...batch.filter((e) => e.stream === stream));
          await new Promise((resolve) => setImmediate(resolve));
        });
        const writer = (async () => {
          for (let i = 0; i < 60; i++) {
            await store.append(stream, events(5), 'any');
            if (i % 10 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        await subscription.caughtUp;
        await writer;
        await waitUntil(() => received.length >= 600, timeoutMs - 2000);
        await subscription.stop();
        expect(received.map((e) => e.revision)).toEqual(Array.from({ length: 600 }, (_, i) => i));

        // Resuming from a checkpoint delivers exactly what came after it.
        const checkpoint = received[399].position;
        const resumed: RecordedEvent[] = [];
        const again = store.subscribeAll({ after: checkpoint }, (batch) => {
          resumed.push(...batch.filter((e) => e.stream === stream));
        });
        await again.caughtUp;
        await waitUntil(() => resumed.length >= 200, timeoutMs - 2000);
        await again.stop();
        expect(resumed.map((e) => e.revision)).toEqual(Array.from({ length: 200 }, (_, i) => 400 + i));
      },
      timeoutMs,
    );

    test('a failing handler ends the subscription with its error', async () => {
      const stream = streamOf('Failing');
      const start = await store.headPosition();
      await store.append(stream, events(1), 'no_stream');
      const subscription = store.subscribeAll({ after: start }, () => {
        throw new Error('handler broke');
      });
      await expect(subscription.done).rejects.toThrow('handler broke');
    });

    test('an event of 1 MB round-trips intact', async () => {
      const stream = streamOf('Large');
      const blob = 'x'.repeat(1_000_000);
      await store.append(stream, [newEvent('Large', { blob })], 'no_stream');
      const [read] = await store.readStream(stream);
      expect((read.data as { blob: string }).blob).toBe(blob);
      expect(verifyChain([read]).ok).toBe(true);
    });

    test('Chinese text in payloads and metadata round-trips and hashes the same', async () => {
      const stream = streamOf('Chinese');
      const data = { name: '蒲城县教育局党委', note: '“三会一课”按时开展；𠮷野家 ✅', list: ['桥山中学', '兴华学校'] };
      const event = newEvent('单位已登记', data, ['桥山中学']);
      const result = await store.append(stream, [event], 'no_stream');
      const [read] = await store.readStream(stream);
      expect(read.data).toEqual(data);
      expect(read.type).toBe('单位已登记');
      expect(read.metadata.unitIds).toEqual(['桥山中学']);
      expect(read.hash).toBe(result.events[0].hash);
    });

    test('every stream carries a hash chain that verifies, and tampering is detected', async () => {
      const stream = streamOf('Chain');
      await store.append(stream, events(3), 'no_stream');
      await store.append(stream, events(2), 'stream_exists');
      const stored = await store.readStream(stream);
      expect(stored[0].prevHash).toBeNull();
      expect(stored[3].prevHash).toBe(stored[2].hash);
      expect(verifyChain(stored)).toMatchObject({ ok: true, count: 5 });
      const tampered = stored.map((e) => (e.revision === 3 ? { ...e, data: { i: 99 } } : e));
      expect(verifyChain(tampered)).toMatchObject({ ok: false, brokenAt: 3 });
    });

    test('metadata keeps both clocks: business time as given, record time from the store', async () => {
      const stream = streamOf('Clocks');
      await store.append(stream, [newEvent('Visited')], 'no_stream');
      const [read] = await store.readStream(stream);
      expect(read.metadata.occurredAt).toBe('2026-10-12T02:00:00.000Z');
      expect(Date.parse(read.metadata.recordedAt)).not.toBeNaN();
      expect(read.metadata).toMatchObject({ actorId: 'contract', actorRole: 'system', schemaVersion: 1 });
    });
  });

export const waitUntil = async (condition: () => boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
