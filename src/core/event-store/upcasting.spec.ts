import { describe, expect, test } from '@jest/globals';
import { MemoryEventStore } from './memory-event-store.js';
import { newEvent } from './event-store.contract.js';
import { Upcasters, withUpcasting } from './upcasting.js';
import { verifyChain } from './hash-chain.js';

describe('upcasting', () => {
  const upcasters = new Upcasters([
    // v1 kept one `name`; v2 splits the Chinese and English names; v3 adds a district.
    { type: 'UnitRegistered', fromVersion: 1, up: (d) => ({ nameZh: (d as { name: string }).name, nameEn: '' }) },
    { type: 'UnitRegistered', fromVersion: 2, up: (d) => ({ ...(d as object), district: null }) },
  ]);

  test('lifts old events through every version on read, leaving the stored event and its hash alone', async () => {
    const raw = new MemoryEventStore();
    const store = withUpcasting(raw, upcasters);
    await raw.append('unit-1', [newEvent('UnitRegistered', { name: '桥山中学' })], 'no_stream');
    const [read] = await store.readStream('unit-1');
    expect(read.data).toEqual({ nameZh: '桥山中学', nameEn: '', district: null });
    expect(read.metadata.schemaVersion).toBe(3);
    const stored = await raw.readStream('unit-1');
    expect(stored[0].data).toEqual({ name: '桥山中学' });
    expect(verifyChain(stored).ok).toBe(true);
  });

  test('leaves current events and other types untouched, also in readAll', async () => {
    const raw = new MemoryEventStore();
    const store = withUpcasting(raw, upcasters);
    const current = { ...newEvent('UnitRegistered', { nameZh: '城南学校', nameEn: 'Chengnan', district: '城区' }) };
    current.metadata = { ...current.metadata, schemaVersion: 3 };
    await raw.append('unit-2', [current, newEvent('UnitRenamed', { name: 'x' })], 'no_stream');
    const all = await store.readAll();
    expect(all.map((e) => e.data)).toEqual([
      { nameZh: '城南学校', nameEn: 'Chengnan', district: '城区' },
      { name: 'x' },
    ]);
  });

  test('refuses two upcasters for the same type and version', () => {
    expect(() => upcasters.register({ type: 'UnitRegistered', fromVersion: 1, up: (d) => d })).toThrow('Two upcasters');
  });
});

describe('hash chain and dates', () => {
  test('an event carrying a Date verifies after being stored and read back as text', async () => {
    const store = new MemoryEventStore();
    await store.append('unit-d', [newEvent('Dated', { at: new Date('2026-10-12T02:00:00Z') })], 'no_stream');
    const [read] = await store.readStream('unit-d');
    expect(verifyChain([{ ...read, data: JSON.parse(JSON.stringify(read.data)) }]).ok).toBe(true);
  });
});
