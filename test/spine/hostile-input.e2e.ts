import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import fc from 'fast-check';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { bodyFor, listQuery, PROTOTYPE_NAMES, type JsonSchema, type Records } from '../support/hostile.js';
import { seedSchoolBranch } from '../support/roster.js';
import { openApiPath, routesOf } from '../support/routes.js';

/**
 * Nothing a client sends may produce a 5xx, and a refused request appends nothing: the cases users
 * found (issue 9), then properties over every list's sort, filter and range and every command's body,
 * with the routes and their body schemas read from the application itself.
 */
describe('hostile input (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  let ids: Record<string, string>;
  let listRoutes: string[];
  let writeRoutes: { method: string; path: string; schema: JsonSchema }[];

  const head = async () => (await store.headPosition()).toString();
  const created = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  };
  /** A route's path with real records for its parameters, so commands reach their deciders. */
  const concrete = (path: string) =>
    path
      .replace(/^\/units\/:id/, `/units/${ids.unit}`)
      .replace(/^\/party-organizations\/:id/, `/party-organizations/${ids.org}`)
      .replace(/^\/members\/:id/, `/members/${ids.member}`)
      .replace(/^\/development\/cases\/:id/, `/development/cases/${ids.case}`)
      .replace(/^\/users\/:id/, `/users/${ids.user}`)
      .replace(/^\/positions\/:id/, `/positions/${ids.position}`)
      .replace(':positionId', ids.position)
      .replace(/^\/activity\/:id/, `/activity/${ids.event}`);

  beforeAll(async () => {
    // No policies or job worker: nothing but the request under test appends while it runs.
    t = await startTestApp({ env: { APP_ROLE: 'api' } });
    store = t.app.get<EventStore>(EVENT_STORE);
    const { unit, branch: org } = await seedSchoolBranch(async (path, body) => ({ id: await created(path, body) }), {
      school: '城南学校',
    });
    const member = await created('/members', {
      name: '王芳',
      gender: 'female',
      birthDate: '1985-03-02',
      orgId: org,
      unitId: unit,
      category: 'full',
      joinedOn: '2010-07-01',
    });
    const position = await created(`/party-organizations/${org}/positions`, {
      memberId: member,
      title: 'branch_secretary',
      from: '2021-01-01',
    });
    const person = await created('/development/cases', {
      name: '李明',
      gender: 'male',
      birthDate: '1995-05-01',
      orgId: org,
      unitId: unit,
      on: '2026-03-01',
    });
    await created('/users', {
      username: 'fuzz-user',
      displayName: '测试',
      password: 'user-pass-2026',
      role: 'auditor',
    });
    const [event] = await store.readStream(`unit-${unit}`);
    ids = { unit, org, member, position, case: person, user: 'fuzz-user', event: event.id };

    const docs = (await t.request('GET', '/docs-json')).body as {
      paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>;
    };
    const routes = routesOf(t);
    listRoutes = [];
    for (const route of routes.filter((r) => r.method === 'GET' && !r.path.includes(':'))) {
      const response = await t.request('GET', route.path);
      if (response.headers.get('content-range') || route.path.endsWith('/export')) listRoutes.push(route.path);
    }
    writeRoutes = routes
      .filter((r) => ['POST', 'PUT', 'PATCH'].includes(r.method) && r.path !== '/auth/logout')
      .map((r) => ({
        method: r.method,
        path: r.path,
        schema: docs.paths[openApiPath(r.path)]?.[r.method.toLowerCase()]?.requestBody?.content['application/json']
          ?.schema ?? { type: 'object' },
      }));
  }, 180_000);
  afterAll(async () => t?.close());

  /** Sends the request; a 5xx, or a 4xx after which the store's head moved, is a failure message. */
  const probe = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const before = await head();
    const response = await t.request(method, path, body, headers);
    const problem =
      response.status >= 500
        ? `${method} ${path} → ${response.status} ${JSON.stringify(body)?.slice(0, 300)}`
        : response.status >= 400 && (await head()) !== before
          ? `${method} ${path} → ${response.status} but appended: ${JSON.stringify(body)?.slice(0, 300)}`
          : null;
    return { response, problem };
  };

  test('the routes were found: every list, every command with its body schema', () => {
    expect(listRoutes).toEqual(
      expect.arrayContaining(['/units', '/members', '/party-organizations', '/positions', '/users', '/activity']),
    );
    expect(listRoutes).toEqual(expect.arrayContaining(['/units/export', '/development/cases']));
    expect(writeRoutes.length).toBeGreaterThan(40);
    expect(writeRoutes.filter((r) => r.schema.properties).length).toBeGreaterThan(35);
  });

  describe('list query strings: a 400 naming the parameter, never a 500', () => {
    const cases: [string, Record<string, string>, string][] = [
      ...['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty'].map(
        (name): [string, Record<string, string>, string] => [
          `sort by ${name}`,
          { sort: JSON.stringify([name, 'ASC']) },
          'sort',
        ],
      ),
      ['filter {"toString":1}', { filter: '{"toString":1}' }, 'filter.toString'],
      ['filter {"__proto__":"x"}', { filter: '{"__proto__":"x"}' }, 'filter.__proto__'],
      ['range []', { range: '[]' }, 'range'],
      ['range [0]', { range: '[0]' }, 'range'],
      ['range [1e20,1e21]', { range: '[1e20,1e21]' }, 'range'],
    ];
    test.each(cases)('%s, on every list and export', async (_name, query, field) => {
      const wrong: string[] = [];
      // An export is the whole list: it takes sort and filter, and ignores range.
      for (const path of listRoutes.filter((p) => !(query.range && p.endsWith('/export')))) {
        const { response, problem } = await probe('GET', `${path}?${new URLSearchParams(query)}`);
        if (problem || response.status !== 400 || response.body.field !== field)
          wrong.push(`${path} → ${response.status} ${response.body?.field} ${response.body?.code}`);
      }
      expect(wrong).toEqual([]);
    });

    test('every list and export accepts sort=["id","ASC"], react-admin’s default sort', async () => {
      const wrong: string[] = [];
      for (const path of listRoutes) {
        const response = await t.request('GET', `${path}?${new URLSearchParams({ sort: '["id","ASC"]' })}`);
        if (response.status !== 200) wrong.push(`${path} → ${response.status} ${JSON.stringify(response.body)}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  test('record ids in paths that name Object.prototype members, or are long or odd: never a 5xx', async () => {
    const problems: string[] = [];
    const routes = routesOf(t).filter((r) => r.path.includes(':'));
    for (const route of routes)
      for (const id of [...PROTOTYPE_NAMES, 'x'.repeat(300), '%E2%80%AE', '..%2F..']) {
        const body = route.method === 'GET' ? undefined : {};
        const { problem } = await probe(route.method, route.path.replace(/:\w+/g, id), body);
        if (problem) problems.push(problem);
      }
    expect(problems).toEqual([]);
  });

  describe('bodies users sent', () => {
    test('a member who joined before being born: 422 naming joinedOn', async () => {
      const { response, problem } = await probe('POST', '/members', {
        name: '张伟',
        gender: 'male',
        birthDate: '1990-05-01',
        orgId: ids.org,
        unitId: ids.unit,
        category: 'full',
        joinedOn: '1980-01-01',
      });
      expect(problem).toBeNull();
      expect([response.status, response.body.code, response.body.field]).toEqual([
        422,
        'member.joined-before-birth',
        'joinedOn',
      ]);
    });

    test('a roster file with such a row: the preview names the row, the file is not a 500', async () => {
      const csv = [
        '姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间',
        '张伟,男,1990-05-01,城南学校,城南学校党支部,正式党员,1980-01-01',
        '赵丽,女,1988-02-03,城南学校,城南学校党支部,正式党员,2012-07-01',
      ].join('\n');
      const form = new FormData();
      form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
      const response = await fetch(`${t.api}/members/import/preview`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminToken}` },
        body: form,
      });
      const body = (await response.json()) as { valid: boolean; errors: { row: number; column: string }[] };
      expect(response.status).toBe(201);
      expect(body.valid).toBe(false);
      expect(body.errors).toEqual([expect.objectContaining({ row: 2, column: '入党时间' })]);
    });

    test('a committee elected on 9999-12-31 (its term would end past the calendar): 400 naming termStart', async () => {
      const { response, problem } = await probe('POST', `/party-organizations/${ids.org}/elect-committee`, {
        termStart: '9999-12-31',
        termYears: 5,
      });
      expect(problem).toBeNull();
      expect([response.status, response.body.field]).toEqual([400, 'termStart']);
    });

    test('a body nested 20,000 levels deep, with an Idempotency-Key or without: 400 request.too-deep', async () => {
      const deep = `${'{"a":'.repeat(20_000)}1${'}'.repeat(20_000)}`;
      for (const [path, headers] of [
        ['/units', { 'idempotency-key': 'deep-1' }],
        ['/auth/login', {}],
        [`/party-organizations/${ids.org}/elect-committee`, { 'idempotency-key': 'deep-2' }],
      ] as const) {
        const { response, problem } = await probe('POST', path, deep, headers);
        expect(problem).toBeNull();
        expect([path, response.status, response.body.code]).toEqual([path, 400, 'request.too-deep']);
      }
    });
  });

  describe('properties', () => {
    const SORTABLE = ['name', 'type', 'position', 'dueOn', 'username', 'from', 'nextDueOn', 'occurredAt'];
    const FILTERABLE = ['q', 'id', 'type', 'status', 'orgId', 'unitId', 'kind', 'open', 'current', 'teaches'];

    test('any sort, range and filter on any list: never a 5xx', async () => {
      const problems: string[] = [];
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...listRoutes), listQuery(SORTABLE, FILTERABLE), async (path, query) => {
          const params = new URLSearchParams(
            Object.entries(query).map(([name, value]): [string, string] => [name, JSON.stringify(value) ?? '']),
          );
          const { problem } = await probe('GET', `${path}?${params}`);
          if (problem) problems.push(problem);
          return problem === null;
        }),
        { numRuns: 150 },
      );
      expect(problems).toEqual([]);
    }, 300_000);

    test('any body on every command route: never a 5xx, and nothing appended on a 4xx', async () => {
      const records: Records = {
        all: Object.values(ids),
        forField: (name) =>
          /orgids?$/i.test(name) || name === 'parentId'
            ? ids.org
            : /unitids?$/i.test(name)
              ? ids.unit
              : name === 'memberId'
                ? ids.member
                : name === 'username'
                  ? ids.user
                  : undefined,
      };
      const problems: string[] = [];
      for (const route of writeRoutes) {
        await fc.assert(
          fc.asyncProperty(bodyFor(route.schema, records), fc.boolean(), async (body, keyed) => {
            const headers: Record<string, string> = keyed ? { 'idempotency-key': crypto.randomUUID() } : {};
            const { problem } = await probe(route.method, concrete(route.path), body, headers);
            if (problem) problems.push(problem);
            return problem === null;
          }),
          { numRuns: 12 },
        );
      }
      expect(problems).toEqual([]);
    }, 600_000);
  });
});
