import { command } from '../core/command-handling.js';
import type { DemoContext, DemoPart } from '../core/demo/demo-part.js';
import { DomainError } from '../core/errors.js';
import { addDays } from '../core/time/local-date.js';
import { acknowledgeNotice } from './commands/acknowledge.js';
import { approveNotice, submitNotice } from './commands/approval.js';
import { draftNotice } from './commands/draft-notice.js';
import { circulateNotice, issueNotice } from './commands/issue-notice.js';
import { reportRectification } from './commands/rectification.js';
import { notice } from './notice.js';
import { DEFAULT_NOTICE_SETTINGS, noticeStream } from './notices.events.js';

/** The two helped private schools the demo's notice criticises (seed 004's pairs that lag behind). */
const CRITICISED = ['梦圆学校', '丰阳学校'];
/** Units whose secretaries have acknowledged; 桥山中学 (the demo secretary's) has not: its inbox shows one unread. */
const ACKNOWLEDGING = ['梦圆学校', '丰阳学校', '城南学校', '雏鹰学校', '兴华学校', '东槐院小学'];

/**
 * One criticism notice, issued about three weeks ago and circulated to every unit: drafted by bureau staff,
 * approved by the administrator, some acknowledgements, and one of the two criticised units' rectification
 * report in. The urging job urges the rest when the app runs. Nothing is seeded when this year's holidays
 * are not loaded (working-day deadlines cannot be counted): the rest of the county does not depend on it.
 */
const seedNotice = async ({ county, id, today, run, count }: DemoContext) => {
  const units = county.get('units');
  const unitId = (name: string) => units.find((u) => u.name === name)?.id;
  const criticised = CRITICISED.map(unitId).filter((u): u is string => !!u);
  if (criticised.length === 0) return;
  const noticeId = id('notice', 'demo-1');
  const stream = noticeStream(noticeId);
  const draftedOn = addDays(today, -24);
  const issuedOn = addDays(today, -21);
  const as = (actorId: string) => (m: ReturnType<DemoContext['on']>) => ({ ...m, actorId, actorRole: 'bureau_admin' });
  await run(stream, notice, draftedOn, (s, m) =>
    draftNotice(
      command(
        'DraftNotice',
        {
          noticeId,
          title: '关于对党建工作推进不力单位的通报',
          reason: '季度考核排名靠后，“五个规范”达标进度滞后，组织生活不正常',
          body: '经局党委研究，对以下单位予以通报批评。请被通报单位认真查摆问题，限期整改，并报送整改报告。',
          unitIds: criticised,
          facts: criticised.map((u) => ({
            kind: 'note' as const,
            unitId: u,
            ref: null,
            eventId: null,
            text: '督查发现三会一课记录不全，党员活动室未按“六有”标准建设',
          })),
          knownUnitIds: units.map((u) => u.id),
        },
        as('staff')(m),
      ),
      s,
    ),
  );
  await run(stream, notice, draftedOn, (s, m) =>
    submitNotice(command('SubmitNotice', { noticeId }, as('staff')(m)), s),
  );
  await run(stream, notice, addDays(draftedOn, 1), (s, m) =>
    approveNotice(command('ApproveNotice', { noticeId, comment: '同意' }, as('admin')(m)), s),
  );
  const settings = DEFAULT_NOTICE_SETTINGS;
  await run(stream, notice, issuedOn, (s, m) =>
    issueNotice(
      command(
        'IssueNotice',
        { noticeId, documentNumber: `蒲教党发〔${issuedOn.slice(0, 4)}〕1号`, issuedOn, numberHeldBy: null, settings },
        as('admin')(m),
      ),
      s,
    ),
  );
  await run(stream, notice, issuedOn, (s, m) =>
    circulateNotice(
      command(
        'CirculateNotice',
        { noticeId, circulatedOn: issuedOn, allUnitIds: units.map((u) => u.id), settings },
        as('admin')(m),
      ),
      s,
    ),
  );
  for (const [i, name] of ACKNOWLEDGING.entries()) {
    const unit = unitId(name);
    if (!unit) continue;
    await run(stream, notice, addDays(issuedOn, 1 + (i % 3)), (s, m) =>
      acknowledgeNotice(command('AcknowledgeNotice', { noticeId, unitId: unit }, m), s),
    );
  }
  await run(stream, notice, addDays(issuedOn, 10), (s, m) =>
    reportRectification(
      command(
        'ReportRectification',
        {
          noticeId,
          unitId: criticised[0],
          report: '召开专题组织生活会查摆问题，补齐三会一课记录，党员活动室按“六有”标准完成改造。',
          evidenceIds: [],
          missingEvidenceIds: [],
        },
        m,
      ),
      s,
    ),
  );
  count('criticism notices', 1);
};

export const noticesDemo: DemoPart = {
  async seed(context) {
    try {
      await seedNotice(context);
    } catch (error) {
      if (!(error instanceof DomainError && error.code === 'notices.calendar-not-covered')) throw error;
    }
  },
};
