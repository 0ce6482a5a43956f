import { Injectable } from '@nestjs/common';
import { RosterFacts } from '../organizations/roster-facts.js';

/** What a step needs to know of a member named in it (cultivation contact, introducer). */
export interface MemberStanding {
  memberId: string;
  name: string;
  /** An active full member (正式党员): probationary members may be neither contacts nor introducers. */
  full: boolean;
  /** Under 留党察看 with rights not restored (Art. 14): may not introduce. */
  underPartyProbation: boolean;
}

/** Who may be named: the handler asks, the pure decider judges. */
export interface IntroducerEligibility {
  /** null when the id is nobody on the roster. */
  standing(memberId: string): MemberStanding | null;
}
export const INTRODUCER_ELIGIBILITY = Symbol('INTRODUCER_ELIGIBILITY');

/**
 * Reads full membership from the roster. The conduct feature (Party sanctions) does not exist yet, so
 * nobody is treated as under 留党察看: that feature will provide its own implementation under
 * INTRODUCER_ELIGIBILITY, reading its sanctions read model.
 */
@Injectable()
export class RosterIntroducerEligibility implements IntroducerEligibility {
  constructor(private readonly roster: RosterFacts) {}

  standing(memberId: string): MemberStanding | null {
    const member = this.roster.member(memberId);
    if (!member) return null;
    return {
      memberId: member.id,
      name: member.name,
      full: member.status === 'active' && member.category === 'full',
      underPartyProbation: false,
    };
  }
}
