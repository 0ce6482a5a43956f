import { describe, expect, test } from '@jest/globals';
import {
  ANY,
  BACKWARDS,
  END,
  ErrorType,
  FORWARDS,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type Position,
} from '@kurrent/kurrentdb-client';
import { WrongExpectedRevisionError } from './event-store.js';
import { eventStoreContract, newEvent } from './event-store.contract.js';
import {
  connectionHost,
  decodePosition,
  encodePosition,
  isPastCursor,
  isStreamNotFound,
  isSystemRecord,
  pinnedStreamState,
  readPositionAfter,
  readPositionBefore,
  streamReadPlan,
  toActualRevision,
  toEventData,
  toRecordedEvent,
  toStreamState,
  toWrongExpectedRevision,
  type KurrentRecord,
} from './eventstoredb-codec.js';
import { EventStoreDbEventStore } from './eventstoredb-event-store.js';
import { hashEvent, sealEvents, verifyChain } from './hash-chain.js';

const connectionString = process.env.EVENTSTORE_CONNECTION_STRING;

if (connectionString) {
  eventStoreContract(
    'eventstoredb',
    async () => {
      const store = await EventStoreDbEventStore.connect({ connectionString });
      return {
        store,
        // A second client (its own gRPC channel): the server arbitrates the race between them.
        openSecond: async () => EventStoreDbEventStore.connect({ connectionString }),
        cleanup: async () => store.close(),
      };
    },
    60_000,
  );
} else {
  describe.skip('EventStore contract: eventstoredb (set EVENTSTORE_CONNECTION_STRING to run it)', () => {
    test('runs only against a live server', () => undefined);
  });
}

const U64_MAX = (1n << 64n) - 1n;
const byPosition = (a: Position, b: Position) =>
  a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;

describe('eventstoredb codec: positions', () => {
  test.each<Position>([
    { commit: 0n, prepare: 0n },
    { commit: 1n, prepare: 0n },
    { commit: 0n, prepare: 1n },
    { commit: 1234n, prepare: 1234n },
    { commit: 987_654_321_000n, prepare: 987_654_320_512n },
    { commit: U64_MAX, prepare: U64_MAX },
  ])('%o round-trips through one bigint', (position) => {
    const encoded = encodePosition(position);
    expect(typeof encoded).toBe('bigint');
    expect(decodePosition(encoded)).toEqual(position);
  });

  test('distinct positions never share an encoding', () => {
    expect(encodePosition({ commit: 1n, prepare: 0n })).not.toBe(encodePosition({ commit: 0n, prepare: 1n }));
    expect(encodePosition({ commit: 2n, prepare: 3n })).not.toBe(encodePosition({ commit: 3n, prepare: 2n }));
  });

  test('encoded positions order as the log does: by commit, then by prepare', () => {
    const log: Position[] = [
      { commit: 100n, prepare: 100n },
      // One append of three events: the commit position is shared, prepare positions grow.
      { commit: 500n, prepare: 500n },
      { commit: 500n, prepare: 640n },
      { commit: 500n, prepare: 910n },
      // A later commit with an earlier prepare (a transaction committed after others): still later.
      { commit: 1200n, prepare: 300n },
      { commit: 1300n, prepare: 1300n },
      { commit: 1n << 40n, prepare: 7n },
    ];
    const shuffled = [log[4], log[2], log[6], log[0], log[5], log[3], log[1]];
    const sortedByEncoding = [...shuffled].sort((a, b) => {
      const [x, y] = [encodePosition(a), encodePosition(b)];
      return x < y ? -1 : x > y ? 1 : 0;
    });
    expect(sortedByEncoding).toEqual(log);
    expect([...shuffled].sort(byPosition)).toEqual(log);
    // Two events of one append: distinct, ordered, and both after the previous append.
    const [first, second] = [encodePosition(log[1]), encodePosition(log[2])];
    expect(second).toBeGreaterThan(first);
    expect(first).toBeGreaterThan(encodePosition(log[0]));
  });

  test('rejects what is not a log position', () => {
    expect(() => encodePosition({ commit: -1n, prepare: -1n })).toThrow(RangeError);
    expect(() => encodePosition({ commit: 1n, prepare: U64_MAX + 1n })).toThrow(RangeError);
    expect(() => decodePosition(-5n)).toThrow(RangeError);
  });

  test('0n reads from the start forwards and from the end backwards; anything else from itself', () => {
    expect(readPositionAfter(0n)).toBe(START);
    expect(readPositionBefore(0n)).toBe(END);
    const position = { commit: 500n, prepare: 640n };
    expect(readPositionAfter(encodePosition(position))).toEqual(position);
    expect(readPositionBefore(encodePosition(position))).toEqual(position);
  });

  test('`after` is exclusive: the event at the start position (which the server includes) is skipped', () => {
    const positions = [
      { commit: 500n, prepare: 500n },
      { commit: 500n, prepare: 640n },
      { commit: 500n, prepare: 910n },
      { commit: 1200n, prepare: 1200n },
    ].map(encodePosition);
    const after = positions[1];
    // What a read "from" positions[1] returns: positions[1] itself, then the rest.
    const served = positions.slice(1);
    expect(served.filter((p) => isPastCursor(p, after))).toEqual([positions[2], positions[3]]);
    expect(positions.filter((p) => isPastCursor(p, 0n))).toEqual(positions);
    // Backwards the cursor bounds from above; 0n is the open end.
    expect(positions.filter((p) => isPastCursor(p, positions[2], BACKWARDS))).toEqual([positions[0], positions[1]]);
    expect(positions.filter((p) => isPastCursor(p, 0n, BACKWARDS))).toEqual(positions);
  });
});

describe('eventstoredb codec: expected revisions', () => {
  test.each([
    ['any', ANY],
    ['no_stream', NO_STREAM],
    ['stream_exists', STREAM_EXISTS],
    [0, 0n],
    [41, 41n],
  ] as const)('%p maps to the client stream state %p', (expected, state) => {
    expect(toStreamState(expected)).toBe(state);
  });

  test('appends are pinned to the revision read: NO_STREAM for an empty stream, else that revision', () => {
    expect(pinnedStreamState(-1)).toBe(NO_STREAM);
    expect(pinnedStreamState(0)).toBe(0n);
    expect(pinnedStreamState(7)).toBe(7n);
  });

  test("the server's actual state reads as ours", () => {
    expect(toActualRevision(NO_STREAM)).toBe('no_stream');
    expect(toActualRevision(-1n)).toBe('no_stream');
    expect(toActualRevision(0n)).toBe(0);
    expect(toActualRevision(12n)).toBe(12);
  });

  test('stream read options map onto the client (0-based, inclusive from)', () => {
    expect(streamReadPlan()).toEqual({ direction: FORWARDS, fromRevision: START, maxCount: Number.MAX_SAFE_INTEGER });
    expect(streamReadPlan({ from: 20, limit: 10 })).toEqual({ direction: FORWARDS, fromRevision: 20n, maxCount: 10 });
    expect(streamReadPlan({ direction: 'backwards', limit: 3 })).toEqual({
      direction: BACKWARDS,
      fromRevision: END,
      maxCount: 3,
    });
    expect(streamReadPlan({ direction: 'backwards', from: 5 })).toEqual({
      direction: BACKWARDS,
      fromRevision: 5n,
      maxCount: Number.MAX_SAFE_INTEGER,
    });
    expect(streamReadPlan({ from: -3 })).toMatchObject({ fromRevision: 0n });
    expect(streamReadPlan({ direction: 'backwards', from: -1 })).toBeUndefined();
    expect(streamReadPlan({ limit: 0 })).toBeUndefined();
  });
});

describe('eventstoredb codec: events', () => {
  const stream = 'unit-5b0c3c1e-0b9a-4a57-9a8e-0c1f6a1d2e3f';
  const sealed = sealEvents(
    stream,
    [
      newEvent('单位已登记', { name: '蒲城县教育局党委', list: ['桥山中学'] }, ['桥山中学']),
      newEvent('MeetingHeld', { attendees: 12, note: null }),
    ],
    { revision: 6, hash: 'a'.repeat(64) },
    '2026-10-12T02:00:01.000Z',
  );

  /** What the client hands back for an event it appended: JSON parsed from the bytes it stored. */
  const asServerRecord = (index: number, position: Position): KurrentRecord => {
    const data = toEventData(sealed[index]);
    return {
      streamId: stream,
      id: data.id,
      revision: BigInt(sealed[index].revision),
      type: data.type,
      isJson: data.contentType === 'application/json',
      data: JSON.parse(JSON.stringify(data.data)),
      metadata: JSON.parse(JSON.stringify(data.metadata)),
      position,
    };
  };

  test('a sealed event is appended as JSON with our id, and metadata that carries the hash chain', () => {
    const data = toEventData(sealed[1]);
    expect(data).toMatchObject({ id: sealed[1].id, type: 'MeetingHeld', contentType: 'application/json' });
    expect(data.data).toEqual({ attendees: 12, note: null });
    expect(data.metadata).toEqual({ ...sealed[1].metadata, prevHash: sealed[0].hash, hash: sealed[1].hash });
  });

  test('what was appended reads back as exactly the RecordedEvent that was sealed', () => {
    const positions = [
      { commit: 9000n, prepare: 9000n },
      { commit: 9000n, prepare: 9400n },
    ];
    const read = sealed.map((_, i) => toRecordedEvent(asServerRecord(i, positions[i])));
    expect(read).toEqual(sealed.map((event, i) => ({ ...event, position: encodePosition(positions[i]) })));
    expect(read[1].metadata).not.toHaveProperty('hash');
    expect(read[1].metadata).not.toHaveProperty('prevHash');
    expect(read[0].revision).toBe(7);
    expect(typeof read[0].revision).toBe('number');
    // The chain continues after revision 6: the links hold and each hash still matches its content.
    expect(read[0].prevHash).toBe('a'.repeat(64));
    expect(read[1].prevHash).toBe(read[0].hash);
    for (const event of read) expect(hashEvent(event)).toBe(event.hash);
  });

  test('a chain sealed from revision -1 verifies after the round trip', () => {
    const fresh = sealEvents(stream, [newEvent('A'), newEvent('B'), newEvent('C')], { revision: -1, hash: null }, 'x');
    const read = fresh.map((event, i) => {
      const data = toEventData(event);
      return toRecordedEvent({
        streamId: stream,
        id: data.id,
        revision: BigInt(event.revision),
        type: data.type,
        isJson: true,
        data: JSON.parse(JSON.stringify(data.data)),
        metadata: JSON.parse(JSON.stringify(data.metadata)),
        position: { commit: 100n, prepare: 100n + BigInt(i) },
      });
    });
    expect(verifyChain(read)).toMatchObject({ ok: true, count: 3 });
  });

  test('events not written by us are refused, not misread', () => {
    const good = asServerRecord(0, { commit: 1n, prepare: 1n });
    expect(() => toRecordedEvent({ ...good, isJson: false, data: new Uint8Array([1]) })).toThrow(/not JSON/);
    expect(() => toRecordedEvent({ ...good, metadata: { actorId: 'someone' } })).toThrow(/hash chain/);
    expect(() => toRecordedEvent({ ...good, metadata: undefined })).toThrow(/hash chain/);
    expect(() => toRecordedEvent({ ...good, position: undefined })).toThrow(/position/);
  });

  test('system events and system streams are recognised', () => {
    expect(isSystemRecord({ streamId: stream, type: 'MeetingHeld' })).toBe(false);
    expect(isSystemRecord({ streamId: '$ce-unit', type: '$>' })).toBe(true);
    expect(isSystemRecord({ streamId: '$$unit-1', type: '$metadata' })).toBe(true);
    expect(isSystemRecord({ streamId: '$projections-x', type: 'ProjectionUpdated' })).toBe(true);
    expect(isSystemRecord({ streamId: stream, type: '$>' })).toBe(true);
  });
});

describe('eventstoredb codec: errors', () => {
  test("the client's WrongExpectedVersionError becomes our WrongExpectedRevisionError", () => {
    const serverError = new WrongExpectedVersionError(undefined, { streamName: 's-1', expected: 0n, current: 1n });
    const mapped = toWrongExpectedRevision(serverError, 's-1', 0);
    expect(mapped).toBeInstanceOf(WrongExpectedRevisionError);
    expect(mapped).toMatchObject({ stream: 's-1', expected: 0, actual: 1 });
  });

  test('the conflict reports what the caller expected, not the revision we pinned', () => {
    const serverError = new WrongExpectedVersionError(undefined, {
      streamName: 's-2',
      expected: NO_STREAM,
      current: 0n,
    });
    expect(toWrongExpectedRevision(serverError, 's-2', 'no_stream')).toMatchObject({
      expected: 'no_stream',
      actual: 0,
    });
  });

  test('a missing stream is reported as no_stream, however the server spells it', () => {
    const byName = new WrongExpectedVersionError(undefined, { streamName: 's', expected: 3n, current: NO_STREAM });
    expect(toWrongExpectedRevision(byName, 's', 3)).toMatchObject({ actual: 'no_stream' });
    const byNumber = { type: ErrorType.WRONG_EXPECTED_VERSION, actualState: -1n, message: 'from another copy' };
    expect(toWrongExpectedRevision(byNumber, 's', 'stream_exists')).toMatchObject({
      expected: 'stream_exists',
      actual: 'no_stream',
    });
  });

  test('other errors are left alone', () => {
    expect(toWrongExpectedRevision(new Error('boom'), 's', 'any')).toBeUndefined();
    expect(toWrongExpectedRevision(new StreamNotFoundError(undefined, 's'), 's', 'any')).toBeUndefined();
    expect(toWrongExpectedRevision(undefined, 's', 'any')).toBeUndefined();
  });

  test('a read of a missing stream is recognised as empty', () => {
    expect(isStreamNotFound(new StreamNotFoundError(undefined, 's'))).toBe(true);
    expect(
      isStreamNotFound(new WrongExpectedVersionError(undefined, { streamName: 's', expected: ANY, current: 0n })),
    ).toBe(false);
    expect(isStreamNotFound(new Error('stream-not-found'))).toBe(false);
  });

  test('error messages name the host, never the credentials', () => {
    expect(connectionHost('kurrentdb://admin:changeit@db.example:2113?tls=false')).toBe('db.example:2113');
    expect(connectionHost('esdb://localhost:2113?tls=false')).toBe('localhost:2113');
    expect(connectionHost('kurrentdb+discover://u:p@node1:2113,node2:2113/?nodePreference=leader')).toBe(
      'node1:2113,node2:2113',
    );
    expect(connectionHost('')).toBe('(no host)');
  });
});
