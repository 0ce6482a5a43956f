import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { command, foldStream } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { EVENT_STORE, type EventStore } from '../../core/event-store/event-store.js';
import { JobHandlerProvider, type JobContext, type JobHandler } from '../../core/jobs/job-handler.js';
import { DevelopmentFacts } from '../../development/development.facts.js';
import { ChangeMemberCategoryCommand } from '../commands/change-member-category.js';
import { EnrollMemberCommand } from '../commands/enroll-member.js';
import { RemoveMemberCommand } from '../commands/remove-member.js';
import { TransferMemberCommand } from '../commands/transfer-member.js';
import { member as memberModel } from '../member.js';
import { memberStream } from '../organizations.events.js';
import {
  CANCEL_PROBATIONARY_MEMBER,
  CONVERT_PROBATIONARY_MEMBER,
  ENROL_PROBATIONARY_MEMBER,
  memberIdOf,
  TRANSFER_PROBATIONARY_MEMBER,
  type PersonJob,
} from './probationary-membership.policy.js';

/**
 * The handlers of probationary-membership.policy.ts. Each re-reads the case (through the development
 * feature's read door) and the member stream when it runs, and acts only when the roster still lacks what
 * the case says (a job can run twice: a retry, a replay after the queue forgot it).
 */

/** A refusal that means "already done" (a concurrent run won the race): nothing left to do. */
const unlessAlready = (code: string) => (error: unknown) => {
  if (!(error instanceof DomainError && error.code === code)) throw error;
};

@Injectable()
class CaseAndRoster {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly development: DevelopmentFacts,
  ) {}

  async read(personId: string) {
    const member = await this.store.readStream(memberStream(memberIdOf(personId)));
    return {
      state: await this.development.caseForRoster(personId),
      // Where the person stands on the roster, by this feature's own member model.
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
    const { state, standing } = await this.cases.read(personId);
    // Approved, and not cancelled since (a full member's case still needs its enrolment, say after a replay).
    if (state.status === 'none' || !state.approved) return;
    if (state.status !== 'open' && state.status !== 'full_member') return;
    if (standing.status !== 'none') return; // enrolled already (or enrolled and since removed)
    await this.bus
      .execute(
        new EnrollMemberCommand(
          command(
            'EnrollMember',
            {
              memberId: memberIdOf(personId),
              name: state.name,
              gender: state.gender,
              birthDate: state.birthDate,
              orgId: state.orgId,
              unitId: state.unitId,
              category: 'probationary',
              joinedOn: state.joinedOn,
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
    const { state, standing, member } = await this.cases.read(personId);
    if (state.status !== 'open' && state.status !== 'full_member') return; // cancelled: nobody to move
    const assignment = state.latestAssignment;
    if (!assignment || assignment.eventId !== context.cause.eventId) return; // a later assignment has its own job
    // The enrolment job may not have run yet (both queued by a replay): throwing retries later.
    if (standing.status === 'none') throw new Error(`${personId} is not on the roster yet; retrying`);
    if (standing.status === 'removed' || standing.orgId === state.orgId) return;
    if (member.some((e) => e.type === 'MemberTransferred' && e.position > assignment.position)) return;
    const { on } = assignment;
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
    const { state, standing } = await this.cases.read(personId);
    if (state.status !== 'cancelled' || standing.status !== 'active' || !state.cancelledOn) return;
    await this.bus.execute(
      new RemoveMemberCommand(
        command(
          'RemoveMember',
          { memberId: memberIdOf(personId), reason: 'probation_cancelled', on: state.cancelledOn },
          context.metadata(),
        ),
      ),
    );
  }
}

/** The providers the organisations module registers. */
export const probationaryMembershipJobs = [
  CaseAndRoster,
  EnrolProbationaryMemberJob,
  TransferProbationaryMemberJob,
  ConvertProbationaryMemberJob,
  CancelProbationaryMemberJob,
];
