import { jobId, type JobRequest, type Policy } from '../core/jobs/policy.js';
import type { RecordedEvent } from '../core/messages.js';
import { startOfShanghaiDay } from '../core/time/local-date.js';
import type { NoticeCirculated, NoticeUrged } from './notices.events.js';

/** The job of this policy; its one handler is in urging.job.ts. */
export const URGE_NOTICE = 'urge-criticism-notice';

export interface UrgeJob {
  noticeId: string;
  round: number;
}

/** Urging runs at 09:00 Asia/Shanghai on its day, in office hours. */
const NINE_HOURS = 9 * 3_600_000;

/**
 * 催办 (issue 14 part 4): a circulated notice asks for round 1 on its `urgeOn` day; each round done (by the
 * job or by a person) asks for the next on its `nextUrgeOn`. One job per notice and round, its id the
 * deterministic key (`urge-criticism-notice.<noticeId>.round-<n>`), so a replay or a second instance asks
 * for the same job; the handler re-checks the notice when it fires and urges a round at most once.
 */
export const noticeUrgingPolicy: Policy = {
  name: 'notice-urging',
  version: 1,
  handles: ['NoticeCirculated', 'NoticeUrged'],
  jobs: [URGE_NOTICE],
  react: (recorded: RecordedEvent): JobRequest<UrgeJob>[] => {
    const event = recorded as unknown as NoticeCirculated | NoticeUrged;
    const [round, on] =
      event.type === 'NoticeCirculated' ? [1, event.data.urgeOn] : [event.data.round + 1, event.data.nextUrgeOn];
    if (!on) return [];
    const { noticeId } = event.data;
    return [
      {
        name: URGE_NOTICE,
        id: jobId(URGE_NOTICE, noticeId, `round-${round}`),
        data: { noticeId, round },
        runAt: new Date(startOfShanghaiDay(on).getTime() + NINE_HOURS),
      },
    ];
  },
};
