import type { Type } from '@nestjs/common';
import type { DemoPart } from './demo/demo-part.js';
import type { DashboardContribution } from './dashboard.js';
import { StartupError } from './errors.js';
import type { Policy } from './jobs/policy.js';
import type { ObligationSource, PublishedObligations } from './obligations.js';
import type { Projection } from './projections/projection.js';
import { KERNEL_PERMISSIONS, mergePermissions, type Permissions } from './roles.js';

/**
 * What a feature plugs into the application: everything the app, the activity log, the role matrix, the
 * home page, the demo county and the obligations list need from it. Each feature folder exports one in
 * `<feature>.feature.ts`, and src/features.ts lists them; nothing else names a feature.
 */
export interface Feature {
  /** Its folder's name: 'organizations', 'development'… */
  name: string;
  /** Its Nest module (controllers, command handlers and job handlers in explicit provider arrays). */
  module: Type<unknown>;
  /** Every event type it writes, each once in the whole app: the activity log and its labels cover them. */
  events: readonly string[];
  projections?: readonly Projection[];
  /** Events → jobs; their job handlers are providers of its module. */
  policies?: readonly Policy[];
  /** resource → action → roles, from its `<feature>.permissions.ts`; a resource belongs to one feature. */
  permissions?: Permissions;
  /** Its tiles and charts on every role's home page. */
  dashboard?: readonly DashboardContribution[];
  /** Its part of the demo county (`<feature>.demo.ts`), seeded after the parts of the features before it. */
  demo?: DemoPart;
  /** The deadlines it publishes (domain.md §12) for GET /api/obligations and the reminders. */
  obligations?: readonly ObligationSource[];
}

/** The list of features as the kernel uses it: each kind of contribution gathered in list order. */
export interface AssembledFeatures {
  features: readonly Feature[];
  projections: Projection[];
  policies: Policy[];
  permissions: Permissions;
  dashboard: DashboardContribution[];
  obligations: PublishedObligations[];
  /** Event type → the feature that writes it. */
  eventOwners: ReadonlyMap<string, string>;
}

/** The app's event types → the feature writing each (AssembledFeatures.eventOwners), for rules naming event types. */
export const EVENT_OWNERS = Symbol('EVENT_OWNERS');

const refuse = (message: string): never => {
  throw new StartupError(`The list of features (src/features.ts) is inconsistent: ${message}`);
};

/** Each key once, or the app does not start: `seen` maps a key to the feature that declared it first. */
const ownOnce = (seen: Map<string, string>, key: string, owner: string, what: string) => {
  const first = seen.get(key);
  if (first !== undefined) refuse(`${what} "${key}" is declared by both "${first}" and "${owner}"`);
  seen.set(key, owner);
};

/**
 * Gathers what every feature contributes, refusing to start when two features declare the same name,
 * event type, resource (the kernel's own `obligations` included), read model or policy.
 */
export const assembleFeatures = (features: readonly Feature[]): AssembledFeatures => {
  const names = new Set<string>();
  const eventOwners = new Map<string, string>();
  const consumers = new Map<string, string>();
  for (const feature of features) {
    if (!/^[a-z][a-z0-9-]*$/.test(feature.name)) refuse(`"${feature.name}" is not a folder name (a-z, 0-9, -)`);
    if (names.has(feature.name)) refuse(`two features are named "${feature.name}"`);
    names.add(feature.name);
    for (const type of feature.events) ownOnce(eventOwners, type, feature.name, 'event type');
    for (const { name } of feature.projections ?? []) ownOnce(consumers, name, feature.name, 'read model');
    for (const { name } of feature.policies ?? []) ownOnce(consumers, `policy ${name}`, feature.name, 'policy');
  }
  const permissions = mergePermissions(
    [
      { owner: 'the kernel', permissions: KERNEL_PERMISSIONS },
      ...features.map((f) => ({ owner: f.name, permissions: f.permissions })),
    ],
    (resource, first, second) => refuse(`resource "${resource}" is declared by both "${first}" and "${second}"`),
  );
  return {
    features,
    projections: features.flatMap((f) => f.projections ?? []),
    policies: features.flatMap((f) => f.policies ?? []),
    permissions,
    dashboard: features.flatMap((f) => f.dashboard ?? []),
    obligations: features.flatMap((f) => (f.obligations ?? []).map((source) => ({ ...source, feature: f.name }))),
    eventOwners,
  };
};
