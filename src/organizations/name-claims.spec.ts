import { describe, expect, test } from '@jest/globals';
import { NameTakenError } from '../core/errors.js';
import { MemoryEventStore } from '../core/event-store/memory-event-store.js';
import { testMetadata } from '../core/testing/decider-spec.js';
import { claimName, IN_FLIGHT_MS, nameClaimStream, type NameClaim } from './name-claims.js';

describe('name claims', () => {
  const at = (ms: number) => testMetadata(new Date(Date.parse('2026-11-23T02:00:00Z') + ms).toISOString());
  const setUp = () => {
    const store = new MemoryEventStore();
    /** The owners' current names, as their own streams would tell them (absent: no stream yet). */
    const names = new Map<string, string>();
    const claim = (ownerId: string, name: string): NameClaim => ({
      category: 'unitName',
      name,
      ownerId,
      unitIds: [ownerId],
      currentNameOf: async (id) => names.get(id) ?? null,
      taken: (existing) => new NameTakenError('unit.name-taken', { zh: '单位', en: 'Unit' }, existing),
    });
    return { store, names, claim };
  };

  test('a name held by a unit bearing it is refused to another, naming the holder; the holder may claim again', async () => {
    const { store, names, claim } = setUp();
    await claimName(store, claim('a', '城关小学'), at(0));
    names.set('a', '城关小学');
    await expect(claimName(store, claim('b', ' 城关小学 '), at(IN_FLIGHT_MS * 10))).rejects.toMatchObject({
      code: 'unit.name-taken',
      existing: { id: 'a', name: '城关小学' },
    });
    await claimName(store, claim('a', '城关小学'), at(1));
    expect(await store.readStream(nameClaimStream('unitName', '城关小学'))).toHaveLength(1);
  });

  test('renamed away, the name is free again', async () => {
    const { store, names, claim } = setUp();
    await claimName(store, claim('a', '城关小学'), at(0));
    names.set('a', '城关一小');
    await claimName(store, claim('b', '城关小学'), at(1));
    expect((await store.readStream(nameClaimStream('unitName', '城关小学'))).map((e) => e.data)).toEqual([
      { ownerId: 'a', name: '城关小学' },
      { ownerId: 'b', name: '城关小学' },
    ]);
  });

  test('a claim whose create never landed holds while in flight, then frees the name', async () => {
    const { store, claim } = setUp();
    await claimName(store, claim('a', '城关小学'), at(0));
    await expect(claimName(store, claim('b', '城关小学'), at(IN_FLIGHT_MS - 1))).rejects.toBeInstanceOf(NameTakenError);
    await claimName(store, claim('b', '城关小学'), at(IN_FLIGHT_MS));
  });

  test('concurrent claims of one name: exactly one wins', async () => {
    const { store, claim } = setUp();
    const results = await Promise.allSettled(
      ['a', 'b', 'c', 'd'].map((owner) => claimName(store, claim(owner, '新城学校'), at(0))),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
  });
});
