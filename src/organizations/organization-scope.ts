import { Injectable } from '@nestjs/common';
import type { Actor } from '../core/http/request-context.js';
import type { Scope, ScopeResolver } from '../core/http/scope.js';
import { OrganizationsFacts } from './organizations.facts.js';

const union = (...lists: readonly string[][]) => [...new Set(lists.flat())];

/**
 * The one definition of scope (the kernel's SCOPE_RESOLVER), from the organisation tree: a secretary
 * answers for its organisations and every one under them, at any depth (a general branch's secretary for
 * its branches' members and cases); an instructor for its units. Each may look at the units its
 * organisations cover, and at the organisations covering its units. A branch's secretary reaches nothing of
 * a sibling branch, even one covering the same school: reach never climbs the tree, nor spreads through a unit.
 */
@Injectable()
export class OrganizationScopeResolver implements ScopeResolver {
  constructor(private readonly facts: OrganizationsFacts) {}

  resolve(actor: Actor): Scope {
    const orgIds = this.facts.orgsWithin(actor.orgIds);
    const unitIds = [...new Set(actor.unitIds)];
    return {
      orgIds,
      unitIds,
      visibleOrgIds: union(orgIds, this.facts.orgsCovering(unitIds)),
      visibleUnitIds: union(unitIds, this.facts.unitsCoveredBy(orgIds)),
    };
  }
}
