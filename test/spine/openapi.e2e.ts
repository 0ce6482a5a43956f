import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';

interface Operation {
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  parameters?: { name: string; in: string; description?: string }[];
}
type Document = { paths: Record<string, Record<string, Operation>> };

/**
 * The OpenAPI document (/api/docs-json) is what other clients are generated from: every write documents
 * its body, every list its sort/range/filter, every export its sort/filter/format/lang. Lists are found
 * by asking each parameterless GET route as the administrator and seeing a Content-Range, so a new list
 * that forgets its documentation fails here.
 */
describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let document: Document;
  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.request('GET', '/docs-json')).body as Document;
  });
  afterAll(async () => t.close());

  const operations = () =>
    Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
    );
  const queryNames = (operation: Operation) =>
    (operation.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);

  test('every POST, PUT and PATCH documents its request body', () => {
    const writes = operations().filter((o) => ['POST', 'PUT', 'PATCH'].includes(o.method));
    expect(writes.length).toBeGreaterThan(40);
    expect(writes.filter((o) => !o.operation.requestBody).map((o) => `${o.method} ${o.path}`)).toEqual([]);
  });

  test('sign-in, password change and the import preview say what they take', () => {
    const body = (path: string, type = 'application/json') =>
      document.paths[path].post.requestBody?.content[type]?.schema as {
        properties: Record<string, unknown>;
        required: string[];
      };
    expect(body('/api/auth/login')).toMatchObject({ required: ['username', 'password'] });
    expect(Object.keys(body('/api/auth/password').properties)).toEqual(['currentPassword', 'newPassword']);
    expect(body('/api/members/import/preview', 'multipart/form-data')).toMatchObject({
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary' } },
    });
  });

  test('every list documents sort, range and filter; every export sort, filter, format and lang', async () => {
    const gets = operations().filter((o) => o.method === 'GET' && !o.path.includes('{') && o.path !== '/api/docs-json');
    const lists: string[] = [];
    for (const { path, operation } of gets) {
      if (path.endsWith('/export')) {
        expect([path, queryNames(operation).sort()]).toEqual([path, ['filter', 'format', 'lang', 'sort']]);
        continue;
      }
      const response = await t.request('GET', path.replace(/^\/api/, ''));
      expect([path, response.status]).toEqual([path, 200]);
      if (!response.headers.get('content-range')) continue;
      lists.push(path);
      expect([path, queryNames(operation).sort()]).toEqual([path, ['filter', 'range', 'sort']]);
    }
    expect(lists.length).toBeGreaterThanOrEqual(8);
  });

  test('a list names the fields it sorts and filters by, from its own ListSpec', () => {
    const sort = document.paths['/api/units'].get.parameters!.find((p) => p.name === 'sort');
    expect(sort?.description).toContain('name');
    const filter = document.paths['/api/members'].get.parameters!.find((p) => p.name === 'filter');
    expect(filter?.description).toContain('orgId');
  });
});
