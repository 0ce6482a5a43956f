import { jobId, type JobRequest, type Policy } from '../../core/jobs/policy.js';
import type { RecordedEvent } from '../../core/messages.js';
import type {
  AdmissionApproved,
  AssignedToBranchAndGroup,
  ConversionApproved,
} from '../../development/development.events.js';

/** Jobs of this policy; each has one handler in probationary-membership.jobs.ts. */
export const ENROL_PROBATIONARY_MEMBER = 'enrol-probationary-member';
export const CONVERT_PROBATIONARY_MEMBER = 'convert-probationary-member';
export const CANCEL_PROBATIONARY_MEMBER = 'cancel-probationary-member';
export const TRANSFER_PROBATIONARY_MEMBER = 'transfer-probationary-member';

/** Every job of this policy carries only the person: the handler re-reads the case when it runs. */
export interface PersonJob {
  personId: string;
}

/** Kept here too for the policy's readers; defined beside the events, where the roster reads it. */
export { memberIdOf } from '../../development/development.events.js';

/**
 * The roster follows membership development: this feature reacts to the development feature's events
 * (its events file is all it imports of it) and writes its own member streams.
 * Issue #5, domain.md §4 steps 17, 19 and 24: the higher committee's approval puts the person on the roster
 * as a probationary member (预备党员); assigning them to another branch (step 19) moves them there
 * (a transfer); the approval of the conversion meeting's resolution makes them a full member (转正), or
 * removes them (取消预备党员资格). An approved extension changes nothing on the roster.
 * One job per person and transition: the job ids are the idempotency keys. An assignment's job id also
 * names its event, since a person may be assigned more than once and BullMQ keeps an id for 30 days.
 */
export const probationaryMembershipPolicy: Policy = {
  name: 'probationary-membership',
  // 2: AssignedToBranchAndGroup → transfer-probationary-member (a replay finds the earlier assignments).
  version: 2,
  handles: ['AdmissionApproved', 'AssignedToBranchAndGroup', 'ConversionApproved'],
  jobs: [
    ENROL_PROBATIONARY_MEMBER,
    TRANSFER_PROBATIONARY_MEMBER,
    CONVERT_PROBATIONARY_MEMBER,
    CANCEL_PROBATIONARY_MEMBER,
  ],
  react: (recorded: RecordedEvent): JobRequest<PersonJob>[] => {
    const event = recorded as unknown as AdmissionApproved | AssignedToBranchAndGroup | ConversionApproved;
    const { personId } = event.data;
    const job = (name: string, ...keys: string[]) => ({ name, id: jobId(name, personId, ...keys), data: { personId } });
    if (event.type === 'AdmissionApproved') return [job(ENROL_PROBATIONARY_MEMBER)];
    if (event.type === 'AssignedToBranchAndGroup') return [job(TRANSFER_PROBATIONARY_MEMBER, recorded.id)];
    if (event.type === 'ConversionApproved') {
      if (event.data.outcome === 'convert') return [job(CONVERT_PROBATIONARY_MEMBER)];
      if (event.data.outcome === 'cancel') return [job(CANCEL_PROBATIONARY_MEMBER)];
    }
    return [];
  },
};
