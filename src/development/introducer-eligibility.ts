import { Injectable } from '@nestjs/common';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import type { IntroducerEligibility, MemberStanding } from './development.facts.js';

/**
 * Reads full membership from the roster (the organisations' read door). The conduct feature (Party
 * sanctions) does not exist yet, so nobody is treated as under 留党察看: that feature will provide its own
 * implementation under INTRODUCER_ELIGIBILITY, reading its sanctions read model.
 */
@Injectable()
export class RosterIntroducerEligibility implements IntroducerEligibility {
  constructor(private readonly roster: OrganizationsFacts) {}

  standing(memberId: string): MemberStanding | null {
    const member = this.roster.memberStanding(memberId);
    if (!member) return null;
    return {
      memberId: member.id,
      name: member.name,
      full: member.status === 'active' && member.category === 'full',
      underPartyProbation: false,
    };
  }
}
