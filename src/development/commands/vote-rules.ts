import { z } from 'zod';
import type { DisciplineFacts } from '../../discipline/discipline.facts.js';
import type { OrganizationsFacts } from '../../organizations/organizations.facts.js';
import type { DevelopmentCase } from '../development-case.js';
import type { DevelopmentRules } from '../development-rules.js';
import type { VoteCounts } from '../development.events.js';
import { refuse } from './step-support.js';

const count = () => z.number().int().min(0).max(10_000);

/**
 * The ballot counts as the meeting's minutes state them (data; the system checks the arithmetic and the
 * roster). `present` counts only full members entitled to vote; probationary members who attended are
 * recorded apart, in `probationaryPresent`, so that nobody counts them towards the quorum.
 */
export const voteCountsBody = z.strictObject({
  entitled: count(),
  present: count(),
  writtenOpinions: count().default(0),
  /** Not stated: not recorded (as in votes recorded before it was asked for), counted as none attending. */
  probationaryPresent: count().optional(),
  inFavour: count(),
  against: count(),
  abstain: count(),
});

const field = (name: keyof VoteCounts) => `votes.${name}`;

/** The counts add up: nobody votes twice, nobody votes who was neither present nor wrote in. */
const checkArithmetic = (v: VoteCounts): void => {
  if (v.present + v.writtenOpinions > v.entitled)
    throw refuse(
      'vote-arithmetic',
      '出席人数与书面意见人数之和超过有表决权的正式党员人数',
      'Present plus written opinions exceed the full members entitled to vote',
      field('present'),
    );
  if (v.inFavour + v.against + v.abstain !== v.present + v.writtenOpinions)
    throw refuse(
      'vote-arithmetic',
      '赞成、反对、弃权票之和应等于出席人数加书面意见人数',
      'In favour, against and abstain must add up to those present plus written opinions',
      field('inFavour'),
    );
};

/**
 * The branch's active members on the meeting's day, from the roster (OrganizationsFacts.membersOn): `full`
 * counts those entitled to vote, so full members under 留党察看 that day (no right to vote, from the
 * discipline feature's read door) are left out and counted in `withoutVote`.
 */
export interface MeetingRoster {
  full: number;
  probationary: number;
  withoutVote?: number;
}

/** What a meeting handler reads for its pure decider: the case's branch on the meeting's day. */
export const meetingRoster = (
  facts: Pick<OrganizationsFacts, 'membersOn' | 'memberIdsOn'>,
  state: DevelopmentCase,
  on: string,
  discipline?: Pick<DisciplineFacts, 'withoutVote'>,
): MeetingRoster => {
  if (state.status === 'none') return { full: 0, probationary: 0 };
  const roster = facts.membersOn(state.orgId, on);
  if (!discipline) return roster;
  const fullIds = facts
    .memberIdsOn(state.orgId, on)
    .filter((m) => m.category === 'full')
    .map((m) => m.id);
  const withoutVote = discipline.withoutVote(fullIds, on).length;
  return withoutVote ? { ...roster, full: roster.full - withoutVote, withoutVote } : roster;
};

/**
 * The counts against what the roster knows of the branch on the meeting's day: probationary members have
 * no vote (Constitution Art. 7), so the entitled voters are at most its full members (and those present,
 * at most the entitled: checkArithmetic); the probationary members attending are at most its own.
 */
const checkRoster = (votes: VoteCounts, roster: MeetingRoster): void => {
  if (votes.entitled > roster.full)
    throw refuse(
      'vote-entitled-exceeds-full-members',
      roster.withoutVote
        ? `有表决权的人数超过本支部当日有表决权的正式党员人数（${roster.full}；另有 ${roster.withoutVote} 名正式党员受留党察看处分，没有表决权），预备党员没有表决权`
        : `有表决权的人数超过本支部当日正式党员人数（${roster.full}），预备党员没有表决权`,
      roster.withoutVote
        ? `More entitled voters than the branch's full members entitled to vote that day (${roster.full}; ${roster.withoutVote} more under probation within the Party have no vote): probationary members do not vote`
        : `More entitled voters than the branch's full members that day (${roster.full}): probationary members do not vote`,
      field('entitled'),
    );
  if ((votes.probationaryPresent ?? 0) > roster.probationary)
    throw refuse(
      'vote-probationary-exceeds-roster',
      `列席的预备党员人数超过本支部当日预备党员人数（${roster.probationary}）`,
      `More probationary members attending than the branch had that day (${roster.probationary})`,
      field('probationaryPresent'),
    );
};

/**
 * Art. 20 / 33: more than half of the full members entitled to vote present; the resolution passes with
 * more than half of the entitled full members in favour (not of those present), written opinions
 * submitted before the meeting counting. Probationary members attend without a vote: they are neither
 * present voters nor part of the quorum, and the counts are checked against the branch's roster on the
 * meeting's day. The resolution itself is the meeting's (data of the command): the system only refuses
 * one the count does not support.
 */
export const checkVote = (
  votes: VoteCounts,
  roster: MeetingRoster,
  rules: DevelopmentRules,
  resolutionPasses: boolean,
): void => {
  checkArithmetic(votes);
  checkRoster(votes, roster);
  if (votes.entitled < rules.minimumFullMembersForMeeting)
    throw refuse(
      'vote-too-few-members',
      `正式党员不足 ${rules.minimumFullMembersForMeeting} 人的支部不能召开支部大会讨论`,
      `A branch with fewer than ${rules.minimumFullMembersForMeeting} full members may not hold this meeting`,
      field('entitled'),
    );
  if (votes.present * 2 <= votes.entitled)
    throw refuse(
      'vote-quorum',
      '到会有表决权的党员未超过应到会人数的半数',
      'Not more than half of the members entitled to vote were present',
      field('present'),
    );
  const majority = votes.inFavour * 2 > votes.entitled;
  if (!resolutionPasses && majority)
    throw refuse(
      'vote-resolution-mismatch',
      '赞成票已过半数，记录的决议与计票不符',
      'A majority voted in favour: the recorded resolution contradicts the count',
      'resolution',
    );
  if (resolutionPasses && !majority)
    throw refuse(
      'vote-majority',
      '赞成票未超过应到会有表决权的正式党员的半数，不能形成决议',
      'In favour were not more than half of the full members entitled to vote: no resolution',
      field('inFavour'),
    );
};
