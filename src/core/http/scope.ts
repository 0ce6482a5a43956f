import { HttpException } from '@nestjs/common';
import type { ListQuery } from './list-query.js';
import type { Actor, Scope } from './request-context.js';

export type { Scope } from './request-context.js';

/**
 * Turns an actor's grants into its {@link Scope}: the one definition of what a secretary or an instructor
 * reaches. The access guard resolves it once per request and leaves it on the actor (`actor.scope`); every
 * list and every single-record check of every feature reads it through the helpers below. The
 * organisations feature provides it (it knows the tree).
 */
export interface ScopeResolver {
  resolve(actor: Actor): Scope | Promise<Scope>;
}
export const SCOPE_RESOLVER = Symbol('SCOPE_RESOLVER');

/**
 * The actor's scope as the guard resolved it. An actor that never passed the guard (a job, the CLI: the
 * system actor is unrestricted anyway) reaches exactly what it was granted, nothing under it.
 */
export const scopeOf = (actor: Actor): Scope =>
  actor.scope ?? {
    orgIds: actor.orgIds,
    unitIds: actor.unitIds,
    visibleOrgIds: actor.orgIds,
    visibleUnitIds: actor.unitIds,
  };

/** `column` is one of `ids`: one JSON parameter, whatever the number of ids (SQLite caps parameters). */
const oneOf = (column: string, ids: readonly string[]) => ({
  sql: `${column} IN (SELECT value FROM json_each(?))`,
  params: [JSON.stringify(ids)],
});

/** The query with one more condition (and its parameters) ANDed to its WHERE clause. */
const andWhere = (query: ListQuery, condition: string, params: readonly unknown[]): ListQuery => ({
  ...query,
  where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
  params: [...query.params, ...params],
});

const scoped = (actor: Actor | undefined): actor is Actor => actor !== undefined && !actor.unrestricted;

/**
 * Narrows a query to the rows a scoped actor answers for, through their organisation or their unit (a
 * secretary's organisations' members and cases, those of the organisations under them too; an
 * instructor's units'). Scoping is enforced here, in the queries, not only by hiding menus in the admin.
 */
export const withinScope = (
  query: ListQuery,
  actor: Actor | undefined,
  columns: { org: string; unit: string },
): ListQuery => {
  if (!scoped(actor)) return query;
  const scope = scopeOf(actor);
  const org = oneOf(columns.org, scope.orgIds);
  const unit = oneOf(columns.unit, scope.unitIds);
  return andWhere(query, `(${org.sql} OR ${unit.sql})`, [...org.params, ...unit.params]);
};

/** Narrows a list of units (`column`: the unit's id) to those the actor may look at. */
export const withinUnits = (query: ListQuery, actor: Actor | undefined, column: string): ListQuery => {
  if (!scoped(actor)) return query;
  const { sql, params } = oneOf(column, scopeOf(actor).visibleUnitIds);
  return andWhere(query, sql, params);
};

/** Narrows a list to the rows whose organisation (`column`) the actor may look at. */
export const withinVisibleOrgs = (query: ListQuery, actor: Actor | undefined, column: string): ListQuery => {
  if (!scoped(actor)) return query;
  const { sql, params } = oneOf(column, scopeOf(actor).visibleOrgIds);
  return andWhere(query, sql, params);
};

/** Does the actor answer for this organisation (or for this unit, when one is given)? */
export const orgInScope = (actor: Actor | undefined, orgId: string, unitId?: string): boolean => {
  if (!scoped(actor)) return true;
  const scope = scopeOf(actor);
  return scope.orgIds.includes(orgId) || (unitId !== undefined && scope.unitIds.includes(unitId));
};

/** What a scoped actor answers for, for a query that is no list query; null for those who see everything. */
export const reachOf = (actor: Actor | undefined): Pick<Scope, 'orgIds' | 'unitIds'> | null =>
  scoped(actor) ? scopeOf(actor) : null;

/** The 403 for a Party organisation (or what belongs to it) outside the actor's scope. */
export const orgOutOfScope = () =>
  new HttpException(
    {
      code: 'access.out-of-scope',
      message: { zh: '该党组织不在您的负责范围内', en: 'This Party organisation is outside your scope' },
    },
    403,
  );

/** Refuses a write or read for an organisation (or its unit) the actor does not answer for. */
export const assertOrgInScope = (actor: Actor | undefined, orgId: string, unitId?: string): void => {
  if (!orgInScope(actor, orgId, unitId)) throw orgOutOfScope();
};

/** Refuses to show an organisation (or one of its posts) the actor may not look at. */
export const assertOrgVisible = (actor: Actor | undefined, orgId: string): void => {
  if (scoped(actor) && !scopeOf(actor).visibleOrgIds.includes(orgId)) throw orgOutOfScope();
};

/** Refuses a single unit outside the actor's scope with a 403 that says why. */
export const assertUnitInScope = (actor: Actor | undefined, unitId: string): void => {
  if (!scoped(actor) || scopeOf(actor).visibleUnitIds.includes(unitId)) return;
  throw new HttpException(
    { code: 'access.out-of-scope', message: { zh: '该单位不在您的负责范围内', en: 'This unit is outside your scope' } },
    403,
  );
};
