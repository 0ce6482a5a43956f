import { Injectable } from '@nestjs/common';
import { DisciplineFacts } from '../discipline/discipline.facts.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import type { IntroducerEligibility, MemberStanding } from './development.facts.js';

/**
 * Reads full membership from the roster (the organisations' read door) and, on the step's day, whether
 * the member may introduce from the discipline feature's read door (留党察看, expulsion: Art. 14).
 */
@Injectable()
export class RosterIntroducerEligibility implements IntroducerEligibility {
  constructor(
    private readonly roster: OrganizationsFacts,
    private readonly discipline: DisciplineFacts,
  ) {}

  standing(memberId: string, on: string): MemberStanding | null {
    const member = this.roster.memberStanding(memberId);
    if (!member) return null;
    const introduce = this.discipline.eligibility(memberId, on).introduce;
    const reason = introduce.reasons[0]?.reason;
    return {
      memberId: member.id,
      name: member.name,
      full: member.status === 'active' && member.category === 'full',
      underPartyProbation: !introduce.allowed,
      ...(reason ? { restriction: { until: introduce.until, ...reason } } : {}),
    };
  }
}
