import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer, Reflector } from '@nestjs/core';
import { assembleFeatures } from '../../src/core/feature.js';
import { can as canUnder, ROLES, type Action } from '../../src/core/roles.js';
import { FEATURES } from '../../src/features.js';
import { accessRuleOf } from '../../src/core/http/access.js';
import { ADMIN_PASSWORD, startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';

/** The matrix the guard checks: merged from every feature's permissions and the kernel's. */
const matrix = assembleFeatures(FEATURES).permissions;
const can = (roles: readonly string[], resource: string, action: Action) => canUnder(matrix, roles, resource, action);

interface Route {
  method: string;
  path: string;
  rule: ReturnType<typeof accessRuleOf>;
}

/** Every route the application serves, read from its controllers' metadata. */
const routesOf = (t: TestApp): Route[] => {
  const reflector = t.app.get(Reflector);
  const routes: Route[] = [];
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as { prototype: Record<string, unknown> } & object;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function') continue;
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (method === undefined) continue;
        const path = `/${[base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')].filter((p) => p && p !== '/').join('/')}`;
        routes.push({ method: RequestMethod[method], path, rule: accessRuleOf(reflector, handler, controller) });
      }
    }
  }
  return routes;
};

/**
 * Walks every route × every role (and no token) and checks the answer against the role matrix:
 * allowed → neither 401 nor 403; forbidden → 403; no token → 401. A route added without an
 * access rule fails here.
 */
describe('route × role access matrix', () => {
  let t: TestApp;
  let routes: Route[];
  const tokens: Record<string, string> = {};
  let unitId = '';

  beforeAll(async () => {
    t = await startTestApp();
    routes = routesOf(t);
    unitId = (await t.request('POST', '/units', { name: '兴华学校', type: 'private_school' })).body.id;
    for (const role of ROLES) {
      const scope =
        role === 'secretary'
          ? { orgIds: ['org-1'], unitIds: [unitId] }
          : role === 'instructor'
            ? { unitIds: [unitId] }
            : {};
      if (role !== 'bureau_admin') {
        await t.request('POST', '/users', {
          username: usernameOf(role),
          displayName: role,
          password: USER_PASSWORD,
          role,
          ...scope,
        });
      }
      tokens[role] = await signIn(role);
    }
  });
  afterAll(async () => t.close());

  const usernameOf = (role: string) => (role === 'bureau_admin' ? 'admin' : `matrix-${role.replace(/_/g, '-')}`);
  const signIn = (role: string) => t.login(usernameOf(role), role === 'bureau_admin' ? ADMIN_PASSWORD : USER_PASSWORD);

  // Ids that exist (the unit in every scoped role's scope) or harmlessly do not (a user nobody has).
  const concrete = (path: string) =>
    path.replace('/units/:id', `/units/${unitId}`).replace('/users/:id', '/users/nobody');

  test('every route declares an access rule', () => {
    expect(routes.length).toBeGreaterThan(10);
    expect(routes.filter((r) => r.rule === undefined).map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  test('each role gets exactly what the matrix allows; no token gets 401', async () => {
    const mismatches: string[] = [];
    for (const route of routes) {
      const path = concrete(route.path);
      const body = route.method === 'GET' ? undefined : {};
      const anonymous = await t.requestAs(null, route.method, path, body);
      if (route.rule !== 'public' && anonymous.status !== 401)
        mismatches.push(`${route.method} ${route.path} without token → ${anonymous.status}`);
      for (const role of ROLES) {
        // Signing out ends the token it is called with: use a spare one.
        const token = route.path === '/auth/logout' ? await signIn(role) : tokens[role];
        const response = await t.requestAs(token, route.method, path, body);
        const allowed =
          route.rule === 'public' ||
          (route.rule !== undefined && can([role], route.rule.resource, route.rule.action as Action));
        if (response.status >= 500) mismatches.push(`${route.method} ${route.path} as ${role} → ${response.status}`);
        const refused = response.status === 401 || response.status === 403;
        if (allowed === refused)
          mismatches.push(
            `${route.method} ${route.path} as ${role} → ${response.status} ${JSON.stringify(response.body).slice(0, 120)}`,
          );
        if (!allowed && response.status !== 403)
          mismatches.push(`${route.method} ${route.path} as ${role} → ${response.status}, expected 403`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('the matrix keeps its promises: auditors write nothing, scoped roles never manage users', () => {
    const writes = routes.filter((r) => r.method !== 'GET' && r.rule !== 'public' && r.rule?.resource !== 'account');
    expect(writes.length).toBeGreaterThan(5);
    for (const route of writes) {
      if (route.rule === 'public' || !route.rule) continue;
      expect([route.path, can(['auditor'], route.rule.resource, route.rule.action as Action)]).toEqual([
        route.path,
        false,
      ]);
    }
    for (const role of ['secretary', 'instructor']) {
      for (const action of ['list', 'show', 'create', 'edit'] as Action[])
        expect(can([role], 'users', action)).toBe(false);
    }
  });
});
