import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { command, foldStream } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { JobHandlerProvider, type JobContext, type JobHandler } from '../../core/jobs/job-handler.js';
import { ChangeMemberCategoryCommand } from '../../organizations/commands/change-member-category.js';
import { EnrollMemberCommand } from '../../organizations/commands/enroll-member.js';
import { RemoveMemberCommand } from '../../organizations/commands/remove-member.js';
import { TransferMemberCommand } from '../../organizations/commands/transfer-member.js';
import { member as memberModel } from '../../organizations/member.js';
import { memberStream } from '../../organizations/organizations.events.js';
import { developmentCase, type OpenCase } from '../development-case.js';
import {
  developmentStream,
  type ApplicationSubmitted,
  type AssignedToBranchAndGroup,
  type ConversionApproved,
  type DevelopmentEvent,
} from '../development.events.js';
import {
  CANCEL_PROBATIONARY_MEMBER,
  CONVERT_PROBATIONARY_MEMBER,
  ENROL_PROBATIONARY_MEMBER,
  memberIdOf,
  TRANSFER_PROBATIONARY_MEMBER,
  type PersonJob,
} from './probationary-membership.policy.js';

/**
 * The handlers of probationary-membership.policy.ts. Each re-reads the case and the member streams when
 * it runs and acts only when the roster still lacks what the case says (a job can run twice: a retry, a
 * replay after the queue forgot it). The roster changes go through the organisations feature's commands.
 */

/** A refusal that means "already done" (a concurrent run won the race): nothing left to do. */
const unlessAlready = (code: string) => (error: unknown) => {
  if (!(error instanceof DomainError && error.code === code)) throw error;
};

@Injectable()
class CaseAndRoster {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async read(personId: string) {
    const history = await this.store.readStream(developmentStream(personId));
    const state = foldStream(developmentCase, history);
    const member = await this.store.readStream(memberStream(memberIdOf(personId)));
    return {
      history: history as unknown as DevelopmentEvent[],
      recorded: history,
      state,
      // Where the person stands on the roster, by the organisations feature's own member model.
      standing: foldStream(memberModel, member),
      member,
    };
  }
}

/** Step 17 approved: enrol as probationary member, joining (入党时间) on the branch meeting's date. */
@JobHandlerProvider()
@Injectable()
export class EnrolProbationaryMemberJob implements JobHandler<PersonJob> {
  readonly name = ENROL_PROBATIONARY_MEMBER;

  constructor(
    private readonly cases: CaseAndRoster,
    private readonly bus: CommandBus,
  ) {}

  async handle({ personId }: PersonJob, context: JobContext): Promise<void> {
    const { history, state, standing } = await this.cases.read(personId);
    // Approved, and not cancelled since (a full member's case still needs its enrolment, say after a replay).
    if (state.status === 'none' || !state.done.approval) return;
    if (state.status !== 'open' && state.status !== 'full_member') return;
    if (standing.status !== 'none') return; // enrolled already (or enrolled and since removed)
    const application = history.find((e): e is ApplicationSubmitted => e.type === 'ApplicationSubmitted');
    if (!application) throw new Error(`development-${personId} has no application`); // a case opens with one
    await this.bus
      .execute(
        new EnrollMemberCommand(
          command(
            'EnrollMember',
            {
              memberId: memberIdOf(personId),
              name: state.name,
              gender: application.data.gender,
              birthDate: state.birthDate,
              orgId: state.orgId,
              unitId: state.unitId,
              category: 'probationary',
              joinedOn: joiningDate(state),
              post: null,
              teaches: false,
            },
            context.metadata(),
          ),
        ),
      )
      .catch(unlessAlready('member.exists'));
  }
}

/** Probation runs from the branch general meeting that admitted the candidate (Art. 32): the entry date. */
const joiningDate = (state: OpenCase): string => (state.probationStart ?? state.done.admissionVote) as string;

/**
 * Step 19 named a branch: the member follows the case there (the organisations feature's transfer, dated
 * by the assignment). Only for the case's latest assignment, and only while no transfer has been recorded
 * since it: a later one (this job's own earlier run, or a move by hand) has the last word, so a replay
 * never undoes roster work done after the assignment.
 */
@JobHandlerProvider()
@Injectable()
export class TransferProbationaryMemberJob implements JobHandler<PersonJob> {
  readonly name = TRANSFER_PROBATIONARY_MEMBER;

  constructor(
    private readonly cases: CaseAndRoster,
    private readonly bus: CommandBus,
  ) {}

  async handle({ personId }: PersonJob, context: JobContext): Promise<void> {
    const { recorded, state, standing, member } = await this.cases.read(personId);
    if (state.status !== 'open' && state.status !== 'full_member') return; // cancelled: nobody to move
    const assignment = recorded.findLast((e) => e.type === 'AssignedToBranchAndGroup');
    if (!assignment || assignment.id !== context.cause.eventId) return; // a later assignment has its own job
    // The enrolment job may not have run yet (both queued by a replay): throwing retries later.
    if (standing.status === 'none') throw new Error(`${personId} is not on the roster yet; retrying`);
    if (standing.status === 'removed' || standing.orgId === state.orgId) return;
    if (member.some((e) => e.type === 'MemberTransferred' && e.position > assignment.position)) return;
    const { on } = (assignment as unknown as AssignedToBranchAndGroup).data;
    await this.bus
      .execute(
        new TransferMemberCommand(
          command(
            'TransferMember',
            { memberId: memberIdOf(personId), toOrgId: state.orgId, toUnitId: state.unitId, on },
            context.metadata(),
          ),
        ),
      )
      .catch(unlessAlready('member.same-placement'));
  }
}

/** Step 24 approved a conversion: a full member, Party standing (党龄) from the expiry of probation. */
@JobHandlerProvider()
@Injectable()
export class ConvertProbationaryMemberJob implements JobHandler<PersonJob> {
  readonly name = CONVERT_PROBATIONARY_MEMBER;

  constructor(
    private readonly cases: CaseAndRoster,
    private readonly bus: CommandBus,
  ) {}

  async handle({ personId }: PersonJob, context: JobContext): Promise<void> {
    const { state, standing } = await this.cases.read(personId);
    if (state.status !== 'full_member' || !state.partyStandingFrom) return;
    // The enrolment job may not have run yet (both queued by a replay): throwing retries later.
    if (standing.status === 'none') throw new Error(`${personId} is not on the roster yet; retrying`);
    if (standing.status === 'removed' || standing.category === 'full') return;
    await this.bus
      .execute(
        new ChangeMemberCategoryCommand(
          command(
            'ChangeMemberCategory',
            { memberId: memberIdOf(personId), category: 'full', on: state.partyStandingFrom },
            context.metadata(),
          ),
        ),
      )
      .catch(unlessAlready('member.category-unchanged'));
  }
}

/**
 * Step 24 approved a cancellation (取消预备党员资格): off the roster, from the approval's date. When the
 * person was never enrolled there is nothing to remove, and the enrolment job skips cancelled cases.
 */
@JobHandlerProvider()
@Injectable()
export class CancelProbationaryMemberJob implements JobHandler<PersonJob> {
  readonly name = CANCEL_PROBATIONARY_MEMBER;

  constructor(
    private readonly cases: CaseAndRoster,
    private readonly bus: CommandBus,
  ) {}

  async handle({ personId }: PersonJob, context: JobContext): Promise<void> {
    const { history, state, standing } = await this.cases.read(personId);
    if (state.status !== 'cancelled' || standing.status !== 'active') return;
    const cancellation = history.findLast(
      (e): e is ConversionApproved => e.type === 'ConversionApproved' && e.data.outcome === 'cancel',
    );
    if (!cancellation) return;
    await this.bus.execute(
      new RemoveMemberCommand(
        command(
          'RemoveMember',
          { memberId: memberIdOf(personId), reason: 'probation_cancelled', on: cancellation.data.on },
          context.metadata(),
        ),
      ),
    );
  }
}

/** The providers the membership module registers. */
export const probationaryMembershipJobs = [
  CaseAndRoster,
  EnrolProbationaryMemberJob,
  TransferProbationaryMemberJob,
  ConvertProbationaryMemberJob,
  CancelProbationaryMemberJob,
];
