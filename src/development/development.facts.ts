import { Inject, Injectable } from '@nestjs/common';
import { foldStream } from '../core/command-handling.js';
import { EVENT_STORE, type EventStore } from '../core/event-store/event-store.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { developmentCase } from './development-case.js';
import type { CaseStatus } from './development-steps.js';
import {
  developmentStream,
  type ApplicationSubmitted,
  type AssignedToBranchAndGroup,
  type ConversionApproved,
  type DevelopmentEvent,
} from './development.events.js';
import { developedPerUnit } from './projections/developed-per-year.projection.js';

/**
 * The development feature's read door: what other features may ask of membership development (the only
 * file of this feature besides its events that another feature imports). DevelopmentModule provides and
 * exports DevelopmentFacts; INTRODUCER_ELIGIBILITY is a port another feature may fill.
 */

/** What a step needs to know of a member named in it (cultivation contact, introducer). */
export interface MemberStanding {
  memberId: string;
  name: string;
  /** An active full member (正式党员): probationary members may be neither contacts nor introducers. */
  full: boolean;
  /** Under 留党察看 with rights not restored (Art. 14): may not introduce. */
  underPartyProbation: boolean;
  /** Why and until when (the discipline feature's reason, e.g. 留党察看 … 至 2026-02-28), when restricted. */
  restriction?: { until: string | null; zh: string; en: string };
}

/**
 * Who may be named: the handler asks, the pure decider judges. Development fills it from the roster and
 * the discipline feature's read door, which knows who is under 留党察看 (introducer-eligibility.ts).
 */
export interface IntroducerEligibility {
  /** On the step's day; null when the id is nobody on the roster. */
  standing(memberId: string, on: string): MemberStanding | null;
}
export const INTRODUCER_ELIGIBILITY = Symbol('INTRODUCER_ELIGIBILITY');

/** What the roster needs to know of one person's case to follow it (steps 17, 19 and 24); none when there is none. */
export type CaseForRoster = { status: 'none' } | OpenedCaseForRoster;

export interface OpenedCaseForRoster {
  status: CaseStatus;
  name: string;
  gender: 'male' | 'female';
  birthDate: string;
  /** The branch and unit the case is in now (step 19 may have moved it). */
  orgId: string;
  unitId: string;
  /** Step 17: the higher committee approved the admission. */
  approved: boolean;
  /** 入党时间: the branch general meeting that admitted the person (probation runs from it, Art. 32). */
  joinedOn: string | null;
  /** Converted (step 24): Party standing (党龄) runs from the expiry of probation. */
  partyStandingFrom: string | null;
  /** The latest assignment to a branch (step 19): its event, where it stands in the log, and its date. */
  latestAssignment: { eventId: string; position: bigint; on: string } | null;
  /** The date of the approval cancelling the probationary membership (取消预备党员资格), if any. */
  cancelledOn: string | null;
}

@Injectable()
export class DevelopmentFacts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
  ) {}

  /**
   * One person's case as its stream says now (not a read model: a job that re-checks before it acts
   * needs the latest word).
   */
  async caseForRoster(personId: string): Promise<CaseForRoster> {
    const recorded = await this.store.readStream(developmentStream(personId));
    const state = foldStream(developmentCase, recorded);
    const history = recorded as unknown as DevelopmentEvent[];
    const application = history.find((e): e is ApplicationSubmitted => e.type === 'ApplicationSubmitted');
    const assignment = recorded.findLast((e) => e.type === 'AssignedToBranchAndGroup');
    const cancellation = history.findLast(
      (e): e is ConversionApproved => e.type === 'ConversionApproved' && e.data.outcome === 'cancel',
    );
    // A case opens with its application: without one there is no case.
    if (state.status === 'none' || !application) return { status: 'none' };
    return {
      status: state.status,
      name: state.name,
      gender: application.data.gender,
      birthDate: state.birthDate,
      orgId: state.orgId,
      unitId: state.unitId,
      approved: Boolean(state.done.approval),
      joinedOn: state.probationStart ?? state.done.admissionVote ?? null,
      partyStandingFrom: state.partyStandingFrom,
      latestAssignment: assignment
        ? {
            eventId: assignment.id,
            position: assignment.position,
            on: (assignment as unknown as AssignedToBranchAndGroup).data.on,
          }
        : null,
      cancelledOn: cancellation?.data.on ?? null,
    };
  }

  /**
   * New members admitted per unit and organisation in a year (every year when none is given), counted at
   * the approval and dated by the entry date (入党时间): what pairing targets (C4) and assessment count.
   */
  membersDeveloped(year?: number): { unitId: string; orgId: string; year: number; members: number }[] {
    return developedPerUnit(this.db, year);
  }
}
