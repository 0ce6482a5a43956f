import type { MemberStanding } from '../development.facts.js';
import type { Named } from '../development.events.js';
import { refuse } from './step-support.js';

/**
 * Contacts (Art. 9) and introducers (Art. 14) are full members; an introducer may not be under 留党察看.
 * `standings` are the handler's answers for `ids`, in the same order.
 */
export const checkNamedMembers = (
  ids: string[],
  standings: (MemberStanding | null)[],
  role: { field: string; code: string; zh: string; en: string; introducer: boolean },
): Named[] => {
  if (new Set(ids).size !== ids.length)
    throw refuse(`${role.code}-distinct`, `${role.zh}不能重复`, `The same ${role.en} is named twice`, role.field);
  return standings.map((standing, index) => {
    if (!standing?.full)
      throw refuse(
        `${role.code}-not-full-member`,
        `${role.zh}须为正式党员`,
        `A ${role.en} must be a full member`,
        `${role.field}.${index}`,
      );
    if (role.introducer && standing.underPartyProbation)
      throw refuse(
        'introducer-under-party-probation',
        `受留党察看处分、尚未恢复党员权利的党员不能作入党介绍人（《细则》第十四条）${standing.restriction ? `：${standing.name}，${standing.restriction.zh}` : ''}`,
        `A member under probation within the Party (留党察看) may not introduce (Art. 14)${standing.restriction ? `: ${standing.name}, ${standing.restriction.en}` : ''}`,
        `${role.field}.${index}`,
      );
    return { memberId: standing.memberId, name: standing.name };
  });
};
