import { describe, expect, test } from '@jest/globals';
import { command, envelope } from '../../core/command-handling.js';
import { DomainError } from '../../core/errors.js';
import { MemoryEventStore } from '../../core/event-store/memory-event-store.js';
import { noticeStream, type NoticeEvent } from '../notices.events.js';
import { approved, by, drafted, SETTINGS, submitted } from './fixtures.js';
import { issueNotice } from './issue-notice.js';
import { NoticeCommand, NoticeCommandHandler, noticeNumberStream, type NoticeCommandOf } from './notice-command.js';

/** An approved notice of id `noticeId` in `store` (the fixtures' events, re-addressed). */
const approvedNotice = async (store: MemoryEventStore, noticeId: string) => {
  const events = [drafted, submitted, approved].map(
    (event) => ({ ...event, data: { ...event.data, noticeId } }) as NoticeEvent,
  );
  await store.append(
    noticeStream(noticeId),
    events.map((event) => envelope(event, by('staff-1'))),
    'no_stream',
  );
};

/** The IssueNotice a controller would send when its read model saw no notice holding the number. */
const issueWith = (noticeId: string, documentNumber: string) =>
  new NoticeCommand(
    command(
      'IssueNotice',
      { noticeId, documentNumber, issuedOn: '2026-11-20', numberHeldBy: null, settings: SETTINGS },
      by('admin'),
    ),
    issueNotice,
  ) as unknown as NoticeCommand<NoticeCommandOf<string, object>>;

describe('a document number is one notice’s, even when two are issued with it at once', () => {
  test('two notices issued with one number at the same moment (the read model saw neither): one wins, one 409', async () => {
    const store = new MemoryEventStore();
    const handler = new NoticeCommandHandler(store);
    await approvedNotice(store, 'n-a');
    await approvedNotice(store, 'n-b');
    const outcomes = await Promise.allSettled([
      handler.execute(issueWith('n-a', '蒲教党发〔2026〕30号')),
      handler.execute(issueWith('n-b', '蒲教党发〔2026〕30号')),
    ]);
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refusal = (outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult).reason as DomainError;
    expect(refusal).toBeInstanceOf(DomainError);
    expect(refusal).toMatchObject({ code: 'notices.document-number-taken', status: 409, field: 'documentNumber' });
    const issued = async (noticeId: string) =>
      (await store.readStream(noticeStream(noticeId))).filter((e) => e.type === 'CriticismNoticeIssued').length;
    expect((await issued('n-a')) + (await issued('n-b'))).toBe(1);
    expect(await store.readStream(noticeNumberStream('蒲教党发〔2026〕30号'))).toHaveLength(1);
  });

  test('a refused issue takes no number; the notice that holds one may be issued with it again after a failure', async () => {
    const store = new MemoryEventStore();
    const handler = new NoticeCommandHandler(store);
    await approvedNotice(store, 'n-a');
    // Refused by the decider (the year is not the year of issue): no claim is written.
    await expect(handler.execute(issueWith('n-a', '蒲教党发〔2025〕31号'))).rejects.toMatchObject({
      code: 'notices.document-number-year',
    });
    expect(await store.readStream(noticeNumberStream('蒲教党发〔2025〕31号'))).toHaveLength(0);
    // A claim already made by this notice (an earlier try that failed after claiming) does not stand in its way.
    await store.append(
      noticeNumberStream('蒲教党发〔2026〕31号'),
      [
        envelope(
          { type: 'NoticeNumberClaimed', data: { noticeId: 'n-a', documentNumber: '蒲教党发〔2026〕31号' } },
          by('admin'),
        ),
      ],
      'no_stream',
    );
    await handler.execute(issueWith('n-a', '蒲教党发〔2026〕31号'));
    expect((await store.readStream(noticeStream('n-a'))).at(-1)?.type).toBe('CriticismNoticeIssued');
  });
});
