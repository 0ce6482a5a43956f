import { Injectable } from '@nestjs/common';
import { DisciplineFacts } from '../discipline/discipline.facts.js';
import { OrganizationsFacts } from '../organizations/organizations.facts.js';
import type { CommendationTitle, VetoReason } from './commendations.events.js';

/** The veto's categories: what a secretary may read of why (never the case). */
export const GENERIC = {
  party: { zh: '党纪处分影响期内', en: 'Within the influence period of a Party sanction' },
  administrative: { zh: '政务（行政）处分期内', en: 'Within the period of an administrative sanction' },
  ethics: {
    zh: '师德失范，取消评先评优资格期内',
    en: 'Disqualified from commendations for a teacher-ethics violation',
  },
};

/**
 * The one-vote veto (一票否决, E9), asked of the discipline feature's read door on a day. Its reasons are
 * categories with their last day, not the case: nominations are made and read by secretaries, who may know
 * that and until when a member is not eligible, not the case file (the bureau looks that up in discipline).
 */
@Injectable()
export class OneVoteVeto {
  constructor(
    private readonly discipline: DisciplineFacts,
    private readonly organizations: OrganizationsFacts,
  ) {}

  reasons(title: CommendationTitle, nomineeId: string, on: string): VetoReason[] {
    if (title === 'advanced_party_org') {
      const unitIds = this.organizations.unitsCoveredBy([nomineeId]);
      const answer = this.discipline.advancedOrgEligibility({ orgId: nomineeId, unitIds }, on);
      const last =
        answer.violations
          .map((v) => v.until)
          .sort()
          .at(-1) ?? null;
      return answer.reason ? [{ ...answer.reason, until: last }] : [];
    }
    const ends = new Map<keyof typeof GENERIC, (string | null)[]>();
    for (const r of this.discipline.eligibility(nomineeId, on).commend.reasons) {
      const key = r.kind === 'ethics_disqualification' ? 'ethics' : (r.track ?? 'party');
      ends.set(key, [...(ends.get(key) ?? []), r.until]);
    }
    return [...ends].map(([key, untils]) => ({
      ...GENERIC[key],
      until: untils.includes(null) ? null : (untils as string[]).sort().at(-1)!,
    }));
  }
}
