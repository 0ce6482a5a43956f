import { randomUUID } from 'node:crypto';
import type { Request } from 'express';
import { uuidFrom } from '../ids.js';
import type { CommandMetadata } from '../messages.js';
import type { Clock } from '../time/clock.js';

/** The signed-in user as the access guard leaves it on the request. */
export interface Actor {
  id: string;
  roles: string[];
  /** False for roles that see only their own organisations or units (secretary, instructor). */
  unrestricted: boolean;
  /** Party organisations and units a scoped role was granted. */
  orgIds: string[];
  unitIds: string[];
  /** What a scoped role reaches through its grants, resolved once per request by the access guard (scope.ts). */
  scope?: Scope;
}

/**
 * What a scoped actor (secretary, instructor) reaches, resolved from its grants by the SCOPE_RESOLVER
 * (the organisations feature knows the tree). Two kinds of reach, each a list of ids:
 * - the affairs it answers for (members, development cases, posts it manages): `orgIds`, its organisations
 *   and every one under them at any depth, and `unitIds`, the units it was given (an instructor's);
 * - the records it may look at: `visibleOrgIds`, those organisations and the ones covering its units (one
 *   of their units, or the unit is affiliated to them), and `visibleUnitIds`, its units and the units its
 *   organisations cover.
 */
export interface Scope {
  orgIds: readonly string[];
  unitIds: readonly string[];
  visibleOrgIds: readonly string[];
  visibleUnitIds: readonly string[];
}

export const SYSTEM_ACTOR: Actor = { id: 'system', roles: ['system'], unrestricted: true, orgIds: [], unitIds: [] };
const ANONYMOUS: Actor = { id: 'anonymous', roles: ['anonymous'], unrestricted: false, orgIds: [], unitIds: [] };

/** The role string stamped into event metadata. */
export const actorRole = (actor: Actor): string => actor.roles.join(',');

export type ActorRequest = Request & {
  user?: Actor;
  /** The Idempotency-Key this request holds (set by the IdempotencyInterceptor), and the actor and route it is scoped to. */
  idempotencyKey?: string;
  idempotencyScope?: string;
};

const header = (request: Request, name: string): string | undefined => {
  const value = request.headers[name];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
};

/**
 * Command metadata for an HTTP request: the actor, a command id (the Idempotency-Key when one
 * was sent, so a retried request is recognisable in the log, and its events are found again by
 * the retry of a request whose answer was lost: see handleCommand), and the caller's correlation id.
 */
export const commandMetadataFrom = (request: ActorRequest, clock: Clock): CommandMetadata => {
  const actor = request.user ?? ANONYMOUS;
  const commandId = request.idempotencyKey ?? randomUUID();
  const correlationId = header(request, 'x-correlation-id') ?? commandId;
  return {
    actorId: actor.id,
    actorRole: actorRole(actor),
    commandId,
    correlationId,
    causationId: commandId,
    now: clock.now().toISOString(),
    ...(request.idempotencyKey ? { idempotent: true } : {}),
  };
};

/**
 * The id of a record a request creates (a unit, a member, a case…): random, or, when the request holds an
 * Idempotency-Key, derived from the key and its scope, so that the retry of a request whose answer was
 * lost addresses the same stream, finds the events already there, and creates nothing twice.
 */
export const newRecordId = (request: ActorRequest): string =>
  request.idempotencyKey ? uuidFrom(`${request.idempotencyScope}\n${request.idempotencyKey}`) : randomUUID();

/** Metadata for commands the system sends itself (seeding, policies, the CLI). */
export const systemMetadata = (clock: Clock, actor: Actor = SYSTEM_ACTOR, correlationId?: string): CommandMetadata => {
  const commandId = randomUUID();
  return {
    actorId: actor.id,
    actorRole: actorRole(actor),
    commandId,
    correlationId: correlationId ?? commandId,
    causationId: commandId,
    now: clock.now().toISOString(),
  };
};
