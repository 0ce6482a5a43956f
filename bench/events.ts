import { randomUUID } from 'node:crypto';
import type { EventMetadata, NewEvent } from '../src/core/messages.js';
import { UNIT_TYPES } from '../src/organizations/organizations.events.js';

/*
 * Events shaped like the ones the organisations module writes (UnitRegistered, UnitRenamed,
 * UnitAffiliated), with full metadata as event-store.contract.ts's `newEvent` builds it. That helper
 * is not imported because its module imports @jest/globals, which only loads inside Jest.
 */

const DISTRICTS = ['城关镇', '新华街道', '东升乡', '石门镇', '桃源乡', '柳河镇', '青山街道', '白沙镇'];
const KINDS = ['中心小学', '第一初级中学', '实验幼儿园', '职业技术学校', '九年一贯制学校', '民办双语学校'];
const ORDINALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

const actors = Array.from({ length: 50 }, () => randomUUID());
const hostOrgs = Array.from({ length: 200 }, () => randomUUID());

export const metadataFor = (unitIds: string[], n: number): Omit<EventMetadata, 'recordedAt'> => ({
  actorId: actors[n % actors.length],
  actorRole: 'bureau_admin',
  commandId: randomUUID(),
  correlationId: randomUUID(),
  causationId: randomUUID(),
  occurredAt: new Date(Date.UTC(2026, 8, 1) + n * 1000).toISOString(),
  unitIds,
  schemaVersion: 1,
});

/** A realistic county school name, 10 to 20 CJK characters (3 bytes each in UTF-8). */
const unitName = (unit: number, edition: number): string =>
  `${DISTRICTS[unit % DISTRICTS.length]}第${ORDINALS[unit % 10]}${ORDINALS[(unit >> 3) % 10]}` +
  `${KINDS[(unit + edition) % KINDS.length]}（${edition === 0 ? '原' : '更名'}${edition}号校区）`;

/**
 * A unit every 1000th event also names (a pairing's helper school, say, named beside the unit itself): it
 * ends up with 1,000 events spread over a 1,000,000-event log, the case the per-unit read is measured on.
 */
export const BUSY_UNIT = randomUUID();

/** Stable unit ids for a run: the projection upserts one row per id. */
export const unitIds = (count: number): string[] => Array.from({ length: count }, () => randomUUID());

/**
 * The n-th event of a log over `ids`: the first `ids.length` register every unit, after which each
 * event renames or affiliates a unit, spread round-robin, so the projection keeps rewriting rows.
 */
export const unitEvent = (ids: string[], n: number): NewEvent => {
  const unit = n % ids.length;
  const unitId = ids[unit];
  const metadata = metadataFor(n % 1000 === 999 ? [unitId, BUSY_UNIT] : [unitId], n);
  if (n < ids.length) {
    const type = UNIT_TYPES[unit % UNIT_TYPES.length];
    const district = DISTRICTS[unit % DISTRICTS.length];
    return {
      type: 'UnitRegistered',
      data: { unitId, name: unitName(unit, 0), type, district, centralSchool: `${district}中心学校` },
      metadata,
    };
  }
  const edition = Math.floor(n / ids.length);
  if (n % 3 === 2) {
    return {
      type: 'UnitAffiliated',
      data: { unitId, hostOrgId: hostOrgs[n % hostOrgs.length], since: metadata.occurredAt.slice(0, 10) },
      metadata,
    };
  }
  return {
    type: 'UnitRenamed',
    data: { unitId, name: unitName(unit, edition), previousName: unitName(unit, edition - 1) },
    metadata,
  };
};

/** Mean UTF-8 size of data and metadata over a sample, printed so the payload claim can be checked. */
export const payloadSizes = (ids: string[], sample = 3000): { data: number; metadata: number } => {
  let data = 0;
  let metadata = 0;
  for (let n = 0; n < sample; n++) {
    const event = unitEvent(ids, n * 7);
    data += Buffer.byteLength(JSON.stringify(event.data));
    metadata += Buffer.byteLength(JSON.stringify({ ...event.metadata, recordedAt: new Date().toISOString() }));
  }
  return { data: Math.round(data / sample), metadata: Math.round(metadata / sample) };
};
