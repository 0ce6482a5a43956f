import type { ListQuery } from '../core/http/list-query.js';
import type { Actor } from '../core/http/request-context.js';
import { orgOutOfScope, withinSubquery } from '../core/http/scope.js';
import { statement, type ReadModelDb } from '../core/projections/projection.js';

const marks = (ids: readonly unknown[]) => ids.map(() => '?').join(', ');

/**
 * The Party organisations a scoped actor sees, as an SQL subquery of ids over the roster's read
 * models: its own organisations (`orgIds`, a secretary's) with every organisation under them (the
 * branches of a general branch or committee, at any depth), and the organisations covering its
 * units (`unitIds`, an instructor's: one of the organisation's units, or the unit is affiliated to
 * it, as RosterFacts.covers). Nothing when it has neither.
 */
export const visibleOrgsSql = (actor: Actor): { sql: string; params: string[] } => {
  const parts: string[] = [];
  const params: string[] = [];
  if (actor.orgIds.length) {
    parts.push(
      `SELECT id FROM (WITH RECURSIVE own(id) AS (SELECT id FROM party_orgs WHERE id IN (${marks(actor.orgIds)})
        UNION SELECT o.id FROM party_orgs o JOIN own ON o.parent_id = own.id) SELECT id FROM own)`,
    );
    params.push(...actor.orgIds);
  }
  if (actor.unitIds.length) {
    parts.push(`SELECT org_id FROM party_org_units WHERE unit_id IN (${marks(actor.unitIds)})`);
    parts.push(`SELECT host_org_id FROM units WHERE id IN (${marks(actor.unitIds)}) AND host_org_id IS NOT NULL`);
    params.push(...actor.unitIds, ...actor.unitIds);
  }
  return parts.length ? { sql: parts.join(' UNION '), params } : { sql: 'SELECT NULL WHERE 0', params: [] };
};

/** Narrows a list to the rows whose organisation (`column`) the actor sees; unrestricted roles see all. */
export const withinVisibleOrgs = (query: ListQuery, actor: Actor | undefined, column: string): ListQuery =>
  withinSubquery(query, actor, column, visibleOrgsSql);

/** Does the actor see this organisation? */
export const orgVisible = (db: ReadModelDb, actor: Actor | undefined, orgId: string): boolean => {
  if (!actor || actor.unrestricted) return true;
  const { sql, params } = visibleOrgsSql(actor);
  return statement(db, `SELECT 1 WHERE ? IN (${sql})`).get(orgId, ...params) !== undefined;
};

/** A single record of an organisation the actor does not see: 403 `access.out-of-scope`. */
export const assertOrgVisible = (db: ReadModelDb, actor: Actor | undefined, orgId: string): void => {
  if (!orgVisible(db, actor, orgId)) throw orgOutOfScope();
};
