import type { Bilingual } from '../core/errors.js';
import { addDays } from '../core/time/local-date.js';
import { MEASURE_LABELS, type SanctionMeasure, type SanctionTrack } from './discipline.events.js';

/**
 * What a person may do on a day, as sanctions and disqualifications restrict it (domain.md §5):
 * be commended (评先评优), introduce an applicant, vote, elect or be elected, take a Party post, rejoin.
 */
export const RIGHTS = ['commend', 'introduce', 'vote', 'elect', 'hold_post', 'rejoin'] as const;
export type Right = (typeof RIGHTS)[number];

export const RIGHT_LABELS: Record<Right, Bilingual> = {
  commend: { zh: '评先评优', en: 'Be commended' },
  introduce: { zh: '作入党介绍人', en: 'Act as introducer' },
  vote: { zh: '表决权', en: 'Vote' },
  elect: { zh: '选举权和被选举权', en: 'Elect and be elected' },
  hold_post: { zh: '担任（或晋升）党内职务', en: 'Take (or be promoted to) a Party post' },
  rejoin: { zh: '重新入党', en: 'Rejoin the Party' },
};

/** A sanction as the eligibility rules read it (from the sanctions read model). */
export interface SanctionFact {
  caseId: string;
  sanctionId: string;
  track: SanctionTrack;
  measure: SanctionMeasure;
  decidedOn: string;
  decidingBody: string;
  documentNumber: string;
  lastDay: string | null;
  revokedOn: string | null;
  concluded: 'restored' | 'expelled' | null;
  concludedOn: string | null;
  restrictionLastDay: string | null;
}

export interface DisqualificationFact {
  caseId: string;
  disqualificationId: string;
  decidedOn: string;
  decidingBody: string;
  documentNumber: string;
  lastDay: string;
}

/** One reason a right is withheld on the day: what, from which decision, from when and until which day. */
export interface Restriction {
  right: Right;
  kind: SanctionMeasure | 'post_restoration' | 'ethics_disqualification';
  track: SanctionTrack | null;
  caseId: string;
  recordId: string;
  from: string;
  /** Its last day; null: no end (an expulsion's rights, a dismissal). */
  until: string | null;
  decidingBody: string;
  documentNumber: string;
  reason: Bilingual;
}

export interface RightAnswer {
  allowed: boolean;
  /** The last day of the longest restriction; null when one has no end (or when allowed). */
  until: string | null;
  reasons: Restriction[];
}
export type Eligibility = Record<Right, RightAnswer>;

const PARTY_EFFECTS: Record<string, Right[]> = {
  warning: ['commend', 'hold_post'],
  serious_warning: ['commend', 'hold_post'],
  removal_from_party_posts: ['commend', 'hold_post'],
  party_probation: ['commend', 'introduce', 'vote', 'elect', 'hold_post'],
  expulsion: ['commend', 'introduce', 'vote', 'elect', 'hold_post'],
};

/** The day a sanction stops counting early: the day before its revocation on appeal, or before the expulsion that ended a 留党察看. */
const cutOff = (s: SanctionFact): string | null => {
  const ends = [s.revokedOn, s.concluded === 'expelled' ? s.concludedOn : null].filter((d): d is string => d !== null);
  return ends.length ? addDays(ends.sort()[0], -1) : null;
};

const earliest = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a < b ? a : b);
const within = (on: string, from: string, until: string | null) => from <= on && (until === null || on <= until);

const restrictionsOf = (s: SanctionFact, on: string): Restriction[] => {
  const label = MEASURE_LABELS[s.track][s.measure];
  const base = {
    track: s.track,
    caseId: s.caseId,
    recordId: s.sanctionId,
    decidingBody: s.decidingBody,
    documentNumber: s.documentNumber,
  };
  const out: Restriction[] = [];
  const cut = cutOff(s);
  // An expulsion's rights never return by themselves; its `lastDay` bounds only the wait to rejoin (E6).
  const until = s.measure === 'expulsion' && s.track === 'party' ? earliest(null, cut) : earliest(s.lastDay, cut);
  if (cut !== null && cut < s.decidedOn) return out;
  const rights = s.track === 'party' ? PARTY_EFFECTS[s.measure] : (['commend'] as Right[]);
  if (within(on, s.decidedOn, until))
    for (const right of rights)
      out.push({
        ...base,
        right,
        kind: s.measure,
        from: s.decidedOn,
        until,
        reason: {
          zh: `${label.zh}（${s.decidingBody} ${s.documentNumber}，${s.decidedOn} 起${until ? `至 ${until}` : ''}）`,
          en: `${label.en} (${s.decidingBody} ${s.documentNumber}, from ${s.decidedOn}${until ? ` to ${until}` : ''})`,
        },
      });
  if (s.track === 'party' && s.measure === 'expulsion') {
    const rejoin = earliest(s.lastDay, cut);
    if (within(on, s.decidedOn, rejoin))
      out.push({
        ...base,
        right: 'rejoin',
        kind: 'expulsion',
        from: s.decidedOn,
        until: rejoin,
        reason: {
          zh: `开除党籍后五年内不得重新入党（至 ${rejoin}）`,
          en: `No readmission within 5 years of expulsion (until ${rejoin})`,
        },
      });
  }
  // E5: after restoration, no post equal to or higher than the original for 2 years.
  if (s.concluded === 'restored' && s.concludedOn && s.restrictionLastDay && s.revokedOn === null)
    if (within(on, s.concludedOn, s.restrictionLastDay))
      out.push({
        ...base,
        right: 'hold_post',
        kind: 'post_restoration',
        from: s.concludedOn,
        until: s.restrictionLastDay,
        reason: {
          zh: `留党察看恢复党员权利后两年内不得担任与原职务相当或者高于原职务的职务（至 ${s.restrictionLastDay}）`,
          en: `For 2 years after restoration from probation within the Party, no post equal to or above the original (until ${s.restrictionLastDay})`,
        },
      });
  return out;
};

const disqualificationOf = (d: DisqualificationFact, on: string): Restriction[] =>
  within(on, d.decidedOn, d.lastDay)
    ? [
        {
          right: 'commend',
          kind: 'ethics_disqualification',
          track: null,
          caseId: d.caseId,
          recordId: d.disqualificationId,
          from: d.decidedOn,
          until: d.lastDay,
          decidingBody: d.decidingBody,
          documentNumber: d.documentNumber,
          reason: {
            zh: `师德失范，取消评先评优资格（${d.decidingBody} ${d.documentNumber}，至 ${d.lastDay}）`,
            en: `Teacher-ethics violation: disqualified from commendations (${d.decidingBody} ${d.documentNumber}, until ${d.lastDay})`,
          },
        },
      ]
    : [];

/** Every right on `on`, each with all its reasons and the last day of the longest one. */
export const eligibilityOn = (
  on: string,
  sanctions: readonly SanctionFact[],
  disqualifications: readonly DisqualificationFact[],
): Eligibility => {
  const all = [
    ...sanctions.flatMap((s) => restrictionsOf(s, on)),
    ...disqualifications.flatMap((d) => disqualificationOf(d, on)),
  ];
  return Object.fromEntries(
    RIGHTS.map((right) => {
      const reasons = all.filter((r) => r.right === right);
      const open = reasons.some((r) => r.until === null);
      const until =
        open || !reasons.length
          ? null
          : reasons
              .map((r) => r.until!)
              .sort()
              .at(-1)!;
      return [right, { allowed: reasons.length === 0, until, reasons }];
    }),
  ) as Eligibility;
};
