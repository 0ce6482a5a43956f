import { join } from 'node:path';
import { hashPassword } from '../src/auth/passwords.js';
import { MemoryEventStore } from '../src/core/event-store/memory-event-store.js';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store.js';
import { parseListQuery } from '../src/core/http/list-query.js';
import { withinScope } from '../src/core/http/scope.js';
import { ProjectionRunner } from '../src/core/projections/projection-runner.js';
import { openReadModelDb } from '../src/core/projections/read-model-db.js';
import { systemClock } from '../src/core/time/clock.js';
import { seedDemoCounty } from '../src/demo/demo-county.js';
import { uuidFrom } from '../src/core/ids.js';
import { seededRandom } from '../src/core/demo/random.js';
import { organizationsFeature } from '../src/organizations/organizations.feature.js';
import { listMembers, memberList } from '../src/organizations/projections/members.projection.js';
import { listUnits, unitList } from '../src/organizations/projections/units.projection.js';
import { envInt, withTempDir } from './util.js';

const newEvent = (type: string, data: unknown) => ({
  type,
  data,
  metadata: {
    actorId: 'bench',
    actorRole: 'system',
    commandId: 'b',
    correlationId: 'b',
    causationId: 'b',
    occurredAt: '2026-01-01T00:00:00.000Z',
    unitIds: [],
    schemaVersion: 1,
  },
});

export interface RosterFigures {
  seedSeconds: number;
  seedEvents: number;
  members: number;
  pageMs: { label: string; median: number; p95: number }[];
}

const quantiles = (samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], p95: sorted[Math.floor(sorted.length * 0.95)] };
};

const timeQuery = (runs: number, query: () => unknown) => {
  for (let i = 0; i < 5; i++) query(); // warm the statement cache and SQLite's page cache
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    query();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return quantiles(samples);
};

/** 10,000 members over 200 units and organisations, as projections build them from events. */
const rosterEvents = (members: number) => {
  const random = seededRandom(42);
  const units = Array.from({ length: 200 }, (_, i) => uuidFrom(`bench:unit:${i}`));
  const events: { stream: string; event: ReturnType<typeof newEvent> }[] = [];
  units.forEach((unitId, i) => {
    events.push({
      stream: `unit-${unitId}`,
      event: newEvent('UnitRegistered', {
        unitId,
        name: `学校${i}`,
        type: 'public_school',
        district: null,
        centralSchool: null,
      }),
    });
    events.push({
      stream: `partyOrg-${unitId}`,
      event: newEvent('PartyOrganizationFounded', {
        orgId: unitId,
        name: `学校${i}党支部`,
        kind: 'party_branch',
        parentId: null,
        unitIds: [unitId],
        foundedOn: '2010-01-01',
      }),
    });
  });
  const surnames = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
  for (let i = 0; i < members; i++) {
    const unitId = random.pick(units);
    const memberId = uuidFrom(`bench:member:${i}`);
    const name = `${random.pick([...surnames])}${random.pick(['芳', '伟', '娜', '强', '静', '磊'])}${i}`;
    events.push({
      stream: `member-${memberId}`,
      event: newEvent('MemberEnrolled', {
        memberId,
        name,
        gender: 'female',
        birthDate: '1980-01-01',
        orgId: unitId,
        unitId,
        category: random.chance(0.9) ? 'full' : 'probationary',
        joinedOn: '2005-07-01',
        post: '教师',
        teaches: true,
      }),
    });
  }
  return { events, units };
};

export const runRosterBench = async (): Promise<RosterFigures> =>
  withTempDir('roster', async (dir) => {
    // The demo county, seeded through the deciders into a FULL-sync store as on first start.
    const store = new SqliteEventStore({ file: join(dir, 'demo.sqlite') });
    const hash = await hashPassword('Demo-2026');
    const started = process.hrtime.bigint();
    const summary = await seedDemoCounty(store, systemClock, hash);
    const seedSeconds = Number(process.hrtime.bigint() - started) / 1e9;
    await store.close();

    const members = envInt('BENCH_MEMBERS', 10_000);
    const memory = new MemoryEventStore();
    const { events, units } = rosterEvents(members);
    for (const { stream, event } of events) await memory.append(stream, [event], 'any');
    const db = openReadModelDb(join(dir, 'read-models.sqlite'));
    const runner = new ProjectionRunner(memory, db, [...(organizationsFeature.projections ?? [])]);
    for (const name of runner.names) await runner.rebuild(name);
    const page = (query: Record<string, unknown>, scopeUnits?: string[]) => () => {
      const parsed = parseListQuery(query, memberList);
      const scoped = scopeUnits
        ? withinScope(
            parsed,
            { id: 'i', roles: ['instructor'], unrestricted: false, orgIds: [], unitIds: scopeUnits },
            { org: 'm.org_id', unit: 'm.unit_id' },
          )
        : parsed;
      return listMembers(db, scoped, '2026-11-23');
    };
    const runs = 50;
    const pageMs = [
      { label: 'first page, sorted by name', ...timeQuery(runs, page({ sort: '["name","ASC"]', range: '[0,24]' })) },
      {
        label: 'page 200, sorted by joining date, desc',
        ...timeQuery(runs, page({ sort: '["joinedOn","DESC"]', range: '[5000,5024]' })),
      },
      {
        label: 'filter full members + search "王", sorted by unit',
        ...timeQuery(
          runs,
          page({ sort: '["unitName","ASC"]', range: '[0,24]', filter: '{"category":"full","q":"王"}' }),
        ),
      },
      {
        label: 'one organisation, sorted by name',
        ...timeQuery(
          runs,
          page({ sort: '["name","ASC"]', range: '[0,24]', filter: JSON.stringify({ orgId: units[7] }) }),
        ),
      },
      {
        label: 'instructor scope (2 units), sorted by name',
        ...timeQuery(runs, page({ sort: '["name","ASC"]', range: '[0,24]' }, units.slice(0, 2))),
      },
      {
        // Each row's full members, own organisation and B18 flags are correlated subqueries over this roster.
        label: 'units: first page, sorted by name, with their figures and flags',
        ...timeQuery(runs, () => listUnits(db, parseListQuery({ sort: '["name","ASC"]', range: '[0,24]' }, unitList))),
      },
      {
        label: 'baseline: bare SELECT … ORDER BY name LIMIT 25',
        ...timeQuery(runs, () => db.prepare('SELECT * FROM members ORDER BY name LIMIT 25').all()),
      },
    ];
    db.close();
    return { seedSeconds, seedEvents: summary.events, members, pageMs };
  });

if (process.argv[1]?.endsWith('roster.js')) {
  runRosterBench().then((figures) => console.log(JSON.stringify(figures, null, 2)));
}
