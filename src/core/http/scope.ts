import { HttpException } from '@nestjs/common';
import type { ListQuery } from './list-query.js';
import type { Actor } from './request-context.js';

/** The query with one more condition (and its parameters) ANDed to its WHERE clause. */
const andWhere = (query: ListQuery, condition: string, params: readonly unknown[]): ListQuery => ({
  ...query,
  where: query.where ? `${query.where} AND ${condition}` : `WHERE ${condition}`,
  params: [...query.params, ...params],
});

/**
 * Narrows a list query to the units a scoped actor covers (secretaries, instructors). Scoping is
 * enforced here, in the queries, not only by hiding menus in the admin.
 */
export const withinUnits = (query: ListQuery, actor: Actor | undefined, column: string): ListQuery => {
  if (!actor || actor.unrestricted) return query;
  const ids = actor.unitIds;
  const condition = ids.length ? `${column} IN (${ids.map(() => '?').join(', ')})` : '0';
  return andWhere(query, condition, ids);
};

/** Refuses a single record outside the actor's units with a 403 that says why. */
export const assertUnitInScope = (actor: Actor | undefined, unitId: string): void => {
  if (!actor || actor.unrestricted || actor.unitIds.includes(unitId)) return;
  throw new HttpException(
    { code: 'access.out-of-scope', message: { zh: '该单位不在您的负责范围内', en: 'This unit is outside your scope' } },
    403,
  );
};

/**
 * Narrows a query to rows a scoped actor covers through either its organisations or its units
 * (a secretary's organisation's members, an instructor's units' members).
 */
export const withinScope = (
  query: ListQuery,
  actor: Actor | undefined,
  columns: { org: string; unit: string },
): ListQuery => {
  if (!actor || actor.unrestricted) return query;
  const parts: string[] = [];
  if (actor.orgIds.length) parts.push(`${columns.org} IN (${actor.orgIds.map(() => '?').join(', ')})`);
  if (actor.unitIds.length) parts.push(`${columns.unit} IN (${actor.unitIds.map(() => '?').join(', ')})`);
  const condition = parts.length ? `(${parts.join(' OR ')})` : '0';
  return andWhere(query, condition, [...actor.orgIds, ...actor.unitIds]);
};

/** The 403 for a Party organisation (or what belongs to it) outside the actor's scope. */
export const orgOutOfScope = () =>
  new HttpException(
    {
      code: 'access.out-of-scope',
      message: { zh: '该党组织不在您的负责范围内', en: 'This Party organisation is outside your scope' },
    },
    403,
  );

/** Refuses a write or read for an organisation outside a secretary's scope. */
export const assertOrgInScope = (actor: Actor | undefined, orgId: string, unitId?: string): void => {
  if (!actor || actor.unrestricted || actor.orgIds.includes(orgId) || (unitId && actor.unitIds.includes(unitId)))
    return;
  throw orgOutOfScope();
};

/**
 * Narrows a query to rows whose `column` is one of the ids `scope` selects (an SQL subquery with
 * its parameters); unrestricted actors see everything.
 */
export const withinSubquery = (
  query: ListQuery,
  actor: Actor | undefined,
  column: string,
  scope: (actor: Actor) => { sql: string; params: unknown[] },
): ListQuery => {
  if (!actor || actor.unrestricted) return query;
  const { sql, params } = scope(actor);
  const condition = `${column} IN (${sql})`;
  return andWhere(query, condition, params);
};
