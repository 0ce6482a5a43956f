import { describe, expect, test } from '@jest/globals';
import type { NewEvent, RecordedEvent } from '../messages.js';
import { createHash } from 'node:crypto';
import { hashEventV1, hashStoredText, sealEventTexts, verifyChain } from './hash-chain.js';

const metadata = {
  actorId: 'u1',
  actorRole: 'staff',
  commandId: 'c1',
  correlationId: 'c1',
  causationId: 'c1',
  occurredAt: '2026-11-23T01:00:00.000Z',
  recordedAt: '',
  unitIds: [],
  schemaVersion: 1,
};
const newEvent = (data: unknown): NewEvent => ({ type: 'Tested', data, metadata });

/** What an adapter that stores the text gives back on read: the parsed text, with its position. */
const storedAndRead = (events: NewEvent[]): RecordedEvent[] =>
  sealEventTexts('test-1', events, { revision: -1, hash: null }, '2026-11-23T01:00:01.000Z').map(
    ({ event, dataText, metadataText }, index) => ({
      ...event,
      data: JSON.parse(dataText),
      metadata: JSON.parse(metadataText),
      position: BigInt(index + 1),
    }),
  );

describe('hash chain', () => {
  test('verifies after the stored text is parsed back, whatever the values', () => {
    const awkward = [
      { '10': 'a', '2': 'b', z: 1, a: [1e21, 0.1 + 0.2, -0, 5e-324, null] },
      { text: '“三会一课”\n𠮷 \u2028 \ud800', nested: { deep: [{ b: 1, a: 2 }] } },
      { when: new Date('2026-11-30T16:00:00Z'), missing: undefined, list: [undefined] },
    ];
    const read = storedAndRead(awkward.map(newEvent));
    expect(verifyChain(read)).toMatchObject({ ok: true, count: 3 });
  });

  test('detects a changed value, a reordered chain and a changed envelope', () => {
    const read = storedAndRead([newEvent({ i: 0 }), newEvent({ i: 1 }), newEvent({ i: 2 })]);
    expect(verifyChain(read.map((e, i) => (i === 1 ? { ...e, data: { i: 9 } } : e)))).toMatchObject({
      ok: false,
      brokenAt: 1,
    });
    expect(verifyChain([read[0], read[2], read[1]])).toMatchObject({ ok: false, brokenAt: 1 });
    expect(verifyChain(read.map((e, i) => (i === 2 ? { ...e, type: 'Other' } : e)))).toMatchObject({
      ok: false,
      brokenAt: 2,
    });
    const metadataChanged = read.map((e, i) => (i === 0 ? { ...e, metadata: { ...e.metadata, actorId: 'x' } } : e));
    expect(verifyChain(metadataChanged)).toMatchObject({ ok: false, brokenAt: 0 });
  });

  test('chains sealed with version 1 (canonical JSON) still verify', () => {
    let prevHash: string | null = null;
    const v1: RecordedEvent[] = [{ b: 2, a: 1 }, { list: ['x'] }].map((data, revision) => {
      const event = {
        id: `id-${revision}`,
        stream: 'test-1',
        revision,
        type: 'Tested',
        data,
        metadata: { ...metadata, recordedAt: '2026-01-01T00:00:00.000Z' },
        prevHash,
      };
      const hash = hashEventV1(event);
      prevHash = hash;
      return { ...event, hash, position: BigInt(revision + 1) };
    });
    expect(verifyChain(v1)).toMatchObject({ ok: true, count: 2 });
    expect(verifyChain(v1.map((e, i) => (i === 1 ? { ...e, data: { list: ['y'] } } : e)))).toMatchObject({
      ok: false,
      brokenAt: 1,
    });
  });
});

describe('the envelope text of chain v2', () => {
  test('is JSON.stringify of the envelope, plain names or not', () => {
    const cases = [
      { id: 'a1b2-c3', stream: 'unit-9f', revision: 3, type: 'UnitRenamed', prevHash: 'ab12' },
      { id: 'x', stream: 'ruleset-2026', revision: 0, type: 'T', prevHash: null },
      { id: 'q"uote', stream: '单位-1', revision: 1, type: 'T\n', prevHash: 'a\\b' },
      { id: '', stream: 's', revision: 1.5, type: 'T', prevHash: null },
    ];
    for (const envelope of cases) {
      const expected = createHash('sha256')
        .update(
          `2\n${JSON.stringify([envelope.id, envelope.stream, envelope.revision, envelope.type, envelope.prevHash])}\nd\nm`,
        )
        .digest('hex');
      expect(hashStoredText(envelope, 'd', 'm')).toBe(expected);
    }
  });
});
