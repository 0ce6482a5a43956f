import { z } from 'zod';
import type { Command } from '../../core/messages.js';
import { occurredOn } from '../../core/time/local-date.js';
import type { DisciplineCase, SanctionRecord } from '../discipline-case.js';
import type { PartyProbationConcluded, PartyProbationExtended, SanctionImposed } from '../discipline.events.js';
import { periodFrom, periodsInForceOn, type PeriodBook } from '../periods.js';
import { decisionFields } from './decision.js';
import { periodOf } from './impose-sanction.js';
import { decisionDate, openCase, refuse } from './refuse.js';

export const extendProbationBody = z.strictObject({ ...decisionFields });
export const concludeProbationBody = z.strictObject({ outcome: z.enum(['restored', 'expelled']), ...decisionFields });

type Decided = Omit<z.output<typeof extendProbationBody>, 'expectedRevision'>;
export type ExtendPartyProbation = Command<'ExtendPartyProbation', Decided & { sanctionId: string }>;
export type ConcludePartyProbation = Command<
  'ConcludePartyProbation',
  Decided & { sanctionId: string; outcome: 'restored' | 'expelled'; expulsionId: string }
>;

/** The case's 留党察看 still running: imposed, not revoked, not concluded. */
const runningProbation = (state: DisciplineCase, sanctionId: string): SanctionRecord => {
  openCase(state);
  const s = state.sanctions.find((x) => x.sanctionId === sanctionId);
  if (!s || s.track !== 'party' || s.measure !== 'party_probation')
    throw refuse(
      'not-party-probation',
      '本案没有该留党察看处分',
      'No such probation within the Party in this case',
      'sanctionId',
      404,
    );
  if (s.revokedOn)
    throw refuse(
      'sanction-revoked',
      `该处分已于 ${s.revokedOn} 经申诉撤销`,
      `The sanction was revoked on appeal on ${s.revokedOn}`,
      'sanctionId',
      409,
    );
  if (s.concluded)
    throw refuse(
      'party-probation-concluded',
      '该留党察看已作出期满处理',
      'This probation within the Party is already concluded',
      'sanctionId',
      409,
    );
  return s;
};

/**
 * E4: a 1-year 留党察看 that does not meet the conditions for restoration is extended by one year, to the
 * longest term of the table in force at the original decision (2 years); decided within the term.
 */
export const extendPartyProbation = (
  { data, metadata }: ExtendPartyProbation,
  state: DisciplineCase,
  book?: PeriodBook,
): PartyProbationExtended => {
  const s = runningProbation(state, data.sanctionId);
  decisionDate(state, data.decidedOn, metadata);
  const longest = Math.max(...periodsInForceOn(s.decidedOn, book).party.party_probation);
  if (s.extended || (s.months ?? 0) >= longest)
    throw refuse(
      'party-probation-maximum',
      `留党察看最长不超过 ${longest} 个月，只有一年期的可以延长一次`,
      `Probation within the Party lasts at most ${longest} months: only a 1-year term may be extended, once`,
      'sanctionId',
    );
  if (data.decidedOn > s.lastDay! || data.decidedOn < s.decidedOn)
    throw refuse(
      'party-probation-extend-within-term',
      `延长留党察看须在察看期内决定（${s.decidedOn} 至 ${s.lastDay}）`,
      `An extension is decided within the term (${s.decidedOn} to ${s.lastDay})`,
      'decidedOn',
    );
  const { lastDay, freeFrom } = periodFrom(s.decidedOn, longest);
  return {
    type: 'PartyProbationExtended',
    data: {
      caseId: state.caseId,
      sanctionId: s.sanctionId,
      personId: state.personId,
      decidedOn: data.decidedOn,
      decidingBody: data.decidingBody,
      documentNumber: data.documentNumber,
      lastDay,
      freeFrom,
    },
    metadata: { occurredAt: occurredOn(data.decidedOn), unitIds: [state.unitId] },
  };
};

/**
 * E4: at the end of the term rights are restored (not before its last day), or the member is expelled
 * (at any time: new violations, or no repentance at the end). Restoration starts E5's 2 years without a
 * post equal to or higher than the original; expulsion is a sanction of its own (E6's 5 years).
 */
export const concludePartyProbation = (
  { data, metadata }: ConcludePartyProbation,
  state: DisciplineCase,
  book?: PeriodBook,
): (PartyProbationConcluded | SanctionImposed)[] => {
  const s = runningProbation(state, data.sanctionId);
  decisionDate(state, data.decidedOn, metadata);
  const decision = { decidedOn: data.decidedOn, decidingBody: data.decidingBody, documentNumber: data.documentNumber };
  const meta = { occurredAt: occurredOn(data.decidedOn), unitIds: [state.unitId] };
  if (data.outcome === 'restored' && data.decidedOn < s.lastDay!)
    throw refuse(
      'restoration-before-term-ends',
      `留党察看期满（${s.lastDay}）前不能恢复党员权利`,
      `Rights are restored at the end of the term (${s.lastDay}), not before`,
      'decidedOn',
    );
  const months = periodsInForceOn(data.decidedOn, book).restorationRestrictionMonths;
  const concluded: PartyProbationConcluded = {
    type: 'PartyProbationConcluded',
    data: {
      caseId: state.caseId,
      sanctionId: s.sanctionId,
      personId: state.personId,
      outcome: data.outcome,
      ...decision,
      restrictionLastDay: data.outcome === 'restored' ? periodFrom(data.decidedOn, months).lastDay : null,
    },
    metadata: meta,
  };
  if (data.outcome === 'restored') return [concluded];
  const expelled: SanctionImposed = {
    type: 'SanctionImposed',
    data: {
      caseId: state.caseId,
      sanctionId: data.expulsionId,
      track: 'party',
      measure: 'expulsion',
      personId: state.personId,
      memberId: state.memberId,
      unitId: state.unitId,
      orgId: state.orgId,
      ...decision,
      ...periodOf('party', 'expulsion', data.decidedOn, undefined, book),
    },
    metadata: meta,
  };
  return [concluded, expelled];
};
