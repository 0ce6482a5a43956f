import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { Reflector } from '@nestjs/core';
import { assembleFeatures } from '../../src/core/feature.js';
import { can as canIn, ROLES, type Action } from '../../src/core/roles.js';
import { FEATURES } from '../../src/features.js';

/** The matrix the guard checks: every feature's permissions, merged as the app merges them. */
const MATRIX = assembleFeatures(FEATURES).permissions;
const can = (roles: readonly string[], resource: string, action: Action) => canIn(MATRIX, roles, resource, action);
import { accessRuleOf } from '../../src/core/http/access.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { openApiPath, routesOf } from '../support/routes.js';

interface CatalogueEntry {
  key: string;
  number: number | null;
  zh: string;
  en: string;
  method: string;
  path: string;
  roles: string[];
}

interface Operation {
  summary?: string;
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
}

/**
 * GET /api/development/catalogue and the routes the application serves come from one step table, so
 * they agree by construction; this walks the app's router to prove it: every step and record the
 * catalogue names is a POST route under the permission whose roles the catalogue lists, documented with
 * its body, and every step route the app serves is in the catalogue (the records route aside).
 */
describe('development: the catalogue is the routes (e2e)', () => {
  let t: TestApp;
  let entries: CatalogueEntry[];
  let served: Map<string, string[] | 'public' | undefined>;
  let paths: Record<string, Record<string, Operation>>;

  beforeAll(async () => {
    t = await startTestApp();
    const catalogue = (await t.request('GET', '/development/catalogue')).body as Record<string, CatalogueEntry[]>;
    entries = [...catalogue.steps, ...catalogue.records];
    const reflector = t.app.get(Reflector);
    served = new Map(
      routesOf(t).map((route) => {
        const rule = accessRuleOf(reflector, route.handler, route.controller);
        const roles =
          rule && rule !== 'public' ? ROLES.filter((role) => can([role], rule.resource, rule.action as Action)) : rule;
        return [`${route.method} /api${route.path}`, roles];
      }),
    );
    paths = (await t.request('GET', '/docs-json')).body.paths;
  });
  afterAll(async () => t?.close());

  test('each of the 25 steps and the thought reports is a route, for exactly the roles the catalogue names', () => {
    expect(entries.map((entry) => entry.number)).toEqual([...Array.from({ length: 25 }, (_, i) => i + 1), null]);
    for (const entry of entries)
      expect([entry.key, served.get(`${entry.method} ${entry.path}`)]).toEqual([entry.key, entry.roles]);
  });

  test('every step route the app serves is in the catalogue', () => {
    const stepRoutes = [...served.keys()].filter(
      (route) => route.startsWith('POST /api/development/cases') && route !== 'POST /api/development/cases/:id/records',
    );
    expect(stepRoutes.sort()).toEqual(entries.map((entry) => `${entry.method} ${entry.path}`).sort());
  });

  test('OpenAPI documents each step with its body, and the steps after the first with their titles', () => {
    for (const entry of entries) {
      const operation = paths[openApiPath(entry.path.replace(/^\/api/, ''))].post;
      const body = operation.requestBody?.content['application/json']?.schema;
      expect([entry.key, Object.keys(body?.properties ?? {})]).toEqual([entry.key, expect.arrayContaining(['on'])]);
      if (entry.path.includes(':id'))
        expect([entry.key, operation.summary]).toEqual([
          entry.key,
          expect.stringContaining(`${entry.en} (${entry.zh})`),
        ]);
    }
    expect(paths['/api/development/cases/{id}/admission-vote'].post.summary).toBe(
      'Step 15: Branch general meeting vote (支部大会讨论)',
    );
    expect(
      Object.keys(
        paths['/api/development/cases/{id}/admission-vote'].post.requestBody!.content['application/json'].schema
          .properties!,
      ),
    ).toEqual(expect.arrayContaining(['on', 'votes', 'records']));
  });
});
