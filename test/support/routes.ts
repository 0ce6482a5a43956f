import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import type { TestApp } from '../../src/core/testing/test-app.js';

export interface RouteOf {
  method: string;
  /** As Nest writes it, without the global prefix: `/units/:id/rename`. */
  path: string;
  handler: object;
  controller: object;
}

/** Every route the application serves, read from its controllers' metadata. */
export const routesOf = (t: TestApp): RouteOf[] => {
  const routes: RouteOf[] = [];
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
        routes.push({ method: RequestMethod[method], path, handler, controller });
      }
    }
  }
  return routes;
};

/** The OpenAPI path of a route: `/units/:id` → `/api/units/{id}`. */
export const openApiPath = (path: string): string => `/api${path.replace(/:(\w+)/g, '{$1}')}`;
