import type { Bilingual } from '../core/errors.js';
import type { Quorum } from './organizational-life.events.js';

/**
 * The quorum of a branch general meeting (domain.md §9.2): more than half of the full members entitled to
 * attend present. Probationary members attend without a vote and count neither way. With no full member
 * on the roster there is nobody to vote, so there is no quorum.
 */
export const quorumOf = (
  roster: readonly { id: string; category: 'full' | 'probationary' }[],
  present: readonly string[],
): Quorum => {
  const here = new Set(present);
  const full = roster.filter((member) => member.category === 'full');
  const fullPresent = full.filter((member) => here.has(member.id)).length;
  const probationaryPresent = roster.filter((m) => m.category === 'probationary' && here.has(m.id)).length;
  const required = Math.floor(full.length / 2) + 1;
  return {
    entitled: full.length,
    present: fullPresent,
    probationaryPresent,
    required,
    quorate: full.length > 0 && fullPresent >= required,
  };
};

/** The rule a meeting short of its quorum broke, in words, with its numbers. */
export const quorumRule = (quorum: Quorum): Bilingual => ({
  zh: `支部党员大会须有应到会有表决权党员（正式党员）半数以上出席：应到 ${quorum.entitled} 人，须至少 ${quorum.required} 人，实到 ${quorum.present} 人；会议已记录，但不足法定人数，不能作出决议，也不计入本季度的党员大会`,
  en: `A branch general meeting needs more than half of the full members entitled to attend: ${quorum.entitled} entitled, at least ${quorum.required} needed, ${quorum.present} present; the meeting is recorded but is not quorate, cannot pass resolutions and does not count as the quarter's general meeting`,
});
