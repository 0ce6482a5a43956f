import { refusedWithoutWriting } from '../support/refusals.js';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import {
  ADMIN_PASSWORD,
  startTestApp,
  USER_PASSWORD,
  type TestApp,
  type TestResponse,
} from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { ReminderEngine } from '../../src/reminders/reminder-engine.js';
import { addBranch, seedSchoolBranch } from '../support/roster.js';
import { eventually, startRobotSink, startSmtpPeer } from './peers.js';

/**
 * Reminders end to end, with real peers: a B15 re-election due today reaches the branch secretary in the
 * inbox, by email over a real SMTP server (Chinese subject) and through a signed DingTalk robot (a local
 * sink checking the signature); once, however often the scan runs; read and snoozed as events; a failing
 * mailbox shows as a failed delivery the administrator retries; still open three working days later it
 * escalates to the bureau office (a WeCom robot); met, nothing more is sent.
 */
describe('reminders (e2e)', () => {
  // Monday 23 November 2026, 10:00 in Shanghai.
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  let t: TestApp;
  let store: EventStore;
  let engine: ReminderEngine;
  let smtp: Awaited<ReturnType<typeof startSmtpPeer>>;
  let sink: Awaited<ReturnType<typeof startRobotSink>>;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const DING_SECRET = 'SEC0123456789abcdef';

  const post = async (path: string, body: unknown) => {
    const response = await t.requestAs(tokens.admin ?? t.adminToken, 'POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body as { id: string };
  };
  const as = (who: string, method: string, path: string, body?: unknown) =>
    t.requestAs(tokens[who], method, path, body);
  const refused = async (request: Promise<TestResponse>, status: number, code: string, field?: string) =>
    await refusedWithoutWriting(store, request, status, code, field);
  /** Business time moves by days: the tokens signed on the old day have expired, so everyone signs in again. */
  const moveClock = async (to: string) => {
    clock.set(to);
    for (const [who, username] of Object.entries(usernames))
      tokens[who] = await t.login(username, who === 'admin' ? ADMIN_PASSWORD : USER_PASSWORD);
  };
  const usernames: Record<string, string> = {
    admin: 'admin',
    secretary: 'secretary-1',
    otherSecretary: 'secretary-2',
    staff: 'bureau-staff-3',
    auditor: 'auditor-4',
  };
  const eventsOf = async (type: string) => store.readAll({ types: [type] });
  const inbox = async (who: string) =>
    (await as(who, 'GET', '/reminder-inbox')).body as { id: string; status: string }[];

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    smtp.state.reject = true; // the secretary's mailbox refuses at first: the delivery fails, then is retried
    sink = await startRobotSink({ '/ding': DING_SECRET });
    process.env.SMTP_URL = smtp.url;
    process.env.REMINDERS_ATTEMPTS = '2';
    process.env.REMINDERS_BACKOFF_MS = '50';
    t = await startTestApp({ clock });
    store = t.app.get<EventStore>(EVENT_STORE);
    engine = t.app.get(ReminderEngine);
    const { unit, branch, bureau } = await seedSchoolBranch(post);
    Object.assign(ids, { unit, branch });
    const otherUnit = (await post('/units', { name: '尧山中学', type: 'public_school' })).id;
    const other = {
      unit: otherUnit,
      branch: await addBranch(post, { name: '尧山中学党支部', bureau, unit: otherUnit, foundedOn: '2012-03-01' }),
    };
    tokens.secretary = await t.userWithRole('secretary', { orgIds: [branch], unitIds: [unit] });
    tokens.otherSecretary = await t.userWithRole('secretary', { orgIds: [other.branch], unitIds: [other.unit] });
    tokens.staff = await t.userWithRole('bureau_staff');
    tokens.auditor = await t.userWithRole('auditor');
    tokens.admin = t.adminToken;
    // The branch's committee was elected three years ago: its term ends today (B15).
    await post(`/party-organizations/${branch}/elect-committee`, { termStart: '2023-11-24', termYears: 3 });
    const b15 = (await t.request('GET', `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'B15' }))}`))
      .body as { id: string; dueOn: string; orgId: string }[];
    const mine = b15.find((o) => o.orgId === branch)!;
    ids.obligation = mine.id;
    expect(mine.dueOn).toBe('2026-11-23');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
    await sink?.close();
  });

  test('the bureau sets robots and settings; users choose channels; bad input names the field and writes nothing', async () => {
    await refused(
      as('secretary', 'PUT', '/reminder-channels/me', { channels: ['email'] }),
      422,
      'reminder.email-needed',
      'email',
    );
    await refused(
      as('secretary', 'PUT', '/reminder-channels/me', { channels: ['fax'] }),
      400,
      'validation.failed',
      'channels.0',
    );
    const chosen = await as('secretary', 'PUT', '/reminder-channels/me', {
      channels: ['email', 'robot'],
      email: 'shuji@qiaoshan.edu.cn',
    });
    expect(chosen.body).toMatchObject({
      channels: ['inbox', 'email', 'robot'],
      email: 'shuji@qiaoshan.edu.cn',
      digest: false,
    });
    await as('staff', 'PUT', '/reminder-channels/me', { channels: ['robot'] });
    await refused(
      as('admin', 'POST', '/reminder-robots', {
        name: '企业微信',
        kind: 'wecom',
        url: `${sink.base}/wecom`,
        secret: 'x',
      }),
      422,
      'reminder.wecom-no-secret',
      'secret',
    );
    await refused(
      as('staff', 'POST', '/reminder-robots', { name: 'x', kind: 'wecom', url: `${sink.base}/w` }),
      403,
      'access.denied',
    );
    const ding = await as('admin', 'POST', '/reminder-robots', {
      name: '桥山中学党支部钉钉群',
      kind: 'dingtalk',
      url: `${sink.base}/ding?access_token=abc`,
      secret: DING_SECRET,
      unitId: ids.unit,
    });
    expect([ding.status, ding.body.signed, ding.body.secret]).toEqual([201, true, undefined]);
    await as('admin', 'POST', '/reminder-robots', {
      name: '局党委办企业微信群',
      kind: 'wecom',
      url: `${sink.base}/wecom?key=k`,
    });
    const robots = await as('auditor', 'GET', '/reminder-robots');
    expect(robots.body).toHaveLength(2);
    // Last: a change of settings scans at once, and the reminder due today goes out with the channels above.
    await refused(
      as('admin', 'PUT', '/reminder-settings', {
        offsets: [-1, -1],
        escalateAfterWorkingDays: 3,
        sendHour: 8,
        digestHour: 17,
      }),
      422,
      'reminder.offset-twice',
      'offsets',
    );
    await refused(
      as('staff', 'PUT', '/reminder-settings', {
        offsets: [-1],
        escalateAfterWorkingDays: 3,
        sendHour: 8,
        digestHour: 17,
      }),
      403,
      'access.denied',
    );
    const settings = await as('admin', 'PUT', '/reminder-settings', {
      offsets: [0, -7, -1, 1],
      escalateAfterWorkingDays: 3,
      sendHour: 8,
      digestHour: 17,
    });
    expect([settings.status, settings.body.offsets]).toEqual([200, [-7, -1, 0, 1]]);
  });

  test('the scan sends the reminder due today once: inbox, a signed DingTalk message; the refused email fails visibly', async () => {
    expect((await as('staff', 'POST', '/reminders/scan')).status).toBe(403);
    expect((await as('admin', 'POST', '/reminders/scan')).status).toBe(201);
    const [item] = await eventually(async () => {
      const items = await inbox('secretary');
      return items.length > 0 && items;
    }, 'the secretary’s reminder');
    expect(item).toMatchObject({ code: 'B15', status: 'unread', dueOn: '2026-11-23', offset: 0, unitId: ids.unit });
    ids.reminder = item.id;
    expect((await as('secretary', 'GET', '/reminder-inbox/unread')).body).toEqual({ unread: 1 });
    expect(await inbox('otherSecretary')).toEqual([]);
    const [call] = await eventually(
      () => sink.calls.filter((c) => c.path === '/ding').length > 0 && sink.calls,
      'the robot',
    );
    expect(call.signatureValid).toBe(true);
    expect(call.body.msgtype).toBe('markdown');
    expect(call.body.markdown.title).toContain('委员会任期届满');
    // The mailbox refuses: after its attempts the delivery is recorded failed, for an administrator to see.
    const failed = await eventually(async () => {
      const list = (
        await as('staff', 'GET', `/reminder-deliveries?filter=${encodeURIComponent('{"status":"failed"}')}`)
      ).body;
      return list.length > 0 && list;
    }, 'the failed email');
    expect(failed[0]).toMatchObject({
      channel: 'email',
      target: 'shuji@qiaoshan.edu.cn',
      status: 'failed',
      code: 'B15',
    });
    ids.failedDelivery = failed[0].id;

    // Scanning again (a second instance, the daily scheduler, a restart) sends nothing more.
    await engine.scan();
    await engine.scan();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sent = await eventsOf('ReminderSent');
    expect(sent).toHaveLength(1);
    expect(sent[0].metadata.unitIds).toEqual([ids.unit]);
    expect(sink.calls.filter((c) => c.path === '/ding')).toHaveLength(1);
    expect((await eventsOf('ReminderDelivered')).map((e) => (e.data as { channel: string }).channel)).toEqual([
      'robot',
    ]);
  });

  test('the administrator retries the failed email: it arrives once, with its Chinese subject decoded', async () => {
    smtp.state.reject = false;
    await refused(as('staff', 'POST', `/reminder-deliveries/${ids.failedDelivery}/retry`), 403, 'access.denied');
    const retried = await as('admin', 'POST', `/reminder-deliveries/${ids.failedDelivery}/retry`);
    expect([retried.status, retried.body.status]).toEqual([201, 'pending']);
    const [mail] = await eventually(() => smtp.mails.length > 0 && smtp.mails, 'the email');
    expect(mail.to).toEqual(['shuji@qiaoshan.edu.cn']);
    expect(mail.raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(mail.subject).toBe('【党建提醒】B15 党组织委员会任期届满，按期换届选举');
    await eventually(
      async () =>
        (
          await as(
            'admin',
            'GET',
            `/reminder-deliveries?filter=${encodeURIComponent(JSON.stringify({ id: ids.failedDelivery }))}`,
          )
        ).body[0]?.status === 'delivered',
      'delivered',
    );
    await refused(
      as('admin', 'POST', `/reminder-deliveries/${ids.failedDelivery}/retry`),
      409,
      'reminder.delivery-not-failed',
    );
    expect(smtp.mails).toHaveLength(1);
  });

  test('the secretary reads it (a read receipt) and snoozes it with a reason the bureau sees', async () => {
    await refused(as('otherSecretary', 'POST', `/reminder-inbox/${ids.reminder}/read`), 404, 'not-found');
    const read = await as('secretary', 'POST', `/reminder-inbox/${ids.reminder}/read`);
    expect([read.status, read.body.status]).toEqual([201, 'read']);
    await as('secretary', 'POST', `/reminder-inbox/${ids.reminder}/read`);
    expect(await eventsOf('ReminderRead')).toHaveLength(1);
    expect((await as('secretary', 'GET', '/reminder-inbox/unread')).body).toEqual({ unread: 0 });
    await refused(
      as('secretary', 'POST', `/reminder-inbox/${ids.reminder}/snooze`, { until: '2026-11-23', reason: '外出培训' }),
      422,
      'reminder.snooze-out-of-range',
      'until',
    );
    await refused(
      as('secretary', 'POST', `/reminder-inbox/${ids.reminder}/snooze`, { until: '2026-11-25', reason: '' }),
      400,
      'validation.failed',
      'reason',
    );
    const snoozed = await as('secretary', 'POST', `/reminder-inbox/${ids.reminder}/snooze`, {
      until: '2026-11-25',
      reason: '换届选举筹备中，周三召开党员大会',
    });
    expect([snoozed.status, snoozed.body.status, snoozed.body.snoozedUntil]).toEqual([201, 'snoozed', '2026-11-25']);
    const log = await as('staff', 'GET', `/reminders?filter=${encodeURIComponent('{"status":"snoozed"}')}`);
    expect(log.body).toEqual([
      expect.objectContaining({ id: ids.reminder, snoozeReason: '换届选举筹备中，周三召开党员大会' }),
    ]);
    await refused(as('secretary', 'GET', '/reminders'), 403, 'access.denied');
    // The snooze's end is a delayed job: when it fires (promoted here: business time moved on), the reminder comes back.
    await moveClock('2026-11-25T02:00:00Z');
    const queue = engine.openQueue();
    const resend = await eventually(() => queue.getJob(`resend.${ids.reminder}.2026-11-25`), 'the resend job');
    await resend.promote();
    await eventually(async () => (await eventsOf('ReminderResent')).length === 1, 'resent');
    expect((await as('secretary', 'GET', '/reminder-inbox/unread')).body).toEqual({ unread: 1 });
  });

  test('still open three working days after the deadline it escalates to the bureau office, WeCom robot included', async () => {
    await moveClock('2026-11-26T02:00:00Z'); // Thursday: 3 working days after Monday
    const queue = engine.openQueue();
    const job = await queue.getJob(`escalate.${ids.obligation}`);
    expect(job).toBeTruthy();
    await job!.promote();
    const escalated = await eventually(async () => {
      const events = await eventsOf('ReminderEscalated');
      return events.length >= 2 && events;
    }, 'the escalation');
    // The bureau's two accounts: the administrator and the staff member.
    expect(escalated).toHaveLength(2);
    expect(escalated[0].data).toMatchObject({ code: 'B15', escalatedFrom: 'branch_secretary', workingDaysOverdue: 3 });
    const staffInbox = await inbox('staff');
    expect(staffInbox).toEqual([expect.objectContaining({ kind: 'escalation', status: 'unread' })]);
    const wecom = await eventually(
      () => sink.calls.filter((c) => c.path === '/wecom').length > 0 && sink.calls.filter((c) => c.path === '/wecom'),
      'WeCom',
    );
    expect(wecom[0].body.markdown.content).toContain('【提醒升级】');
    const overview = (await as('auditor', 'GET', '/reminder-overview')).body as {
      unitId: string;
      light: string;
      escalated: number;
    }[];
    expect(overview.find((u) => u.unitId === ids.unit)).toMatchObject({ light: 'red', escalated: 1 });
  });

  test('the daily digest: one email listing the day’s reminders to whoever chose it', async () => {
    const chosen = await as('staff', 'PUT', '/reminder-channels/me', {
      channels: ['robot'],
      email: 'ganshi@jyj.pucheng.gov.cn',
      digest: true,
    });
    expect(chosen.body).toMatchObject({ digest: true, email: 'ganshi@jyj.pucheng.gov.cn' });
    const before = smtp.mails.length;
    await engine.openQueue().add('digest', { data: {} });
    const mail = await eventually(() => smtp.mails.find((m) => m.to[0] === 'ganshi@jyj.pucheng.gov.cn'), 'the digest');
    expect(mail.subject).toBe('【党建提醒】2026-11-26 待办汇总（1 项）');
    // Asked again the same day, nothing more is sent.
    await engine.openQueue().add('digest', { data: {} });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(smtp.mails.length).toBe(before + 1);
  });

  test('once the committee is re-elected the obligation is met: a reminder still queued sends nothing', async () => {
    await post(`/party-organizations/${ids.branch}/elect-committee`, { termStart: '2026-11-26', termYears: 3 });
    const queue = engine.openQueue();
    const job = await queue.getJob(`fire.${ids.obligation}.after1`);
    expect(job).toBeTruthy();
    await job!.promote();
    await eventually(
      async () => (await queue.getJob(`fire.${ids.obligation}.after1`))?.isCompleted(),
      'the job to run',
    );
    expect(await eventsOf('ReminderSent')).toHaveLength(1);
  });

  test('the calendar is data the bureau sets per year, checked date by date', async () => {
    await refused(
      as('admin', 'PUT', '/reminder-calendar/2027', { holidays: ['2027-02-30'], makeUpWorkdays: [] }),
      422,
      'reminder.calendar-invalid',
      'holidays.0',
    );
    const set = await as('admin', 'PUT', '/reminder-calendar/2027', { holidays: ['2027-01-01'], makeUpWorkdays: [] });
    expect(set.status).toBe(200);
    const years = (await as('secretary', 'GET', '/reminder-calendar')).body as { year: number; source: string }[];
    expect(years.map((y) => [y.year, y.source])).toEqual([
      [2024, 'built-in'],
      [2025, 'built-in'],
      [2026, 'built-in'],
      [2027, 'bureau'],
    ]);
  });

  test('bull-board: the administrator opens it from a signed link; nobody else gets in', async () => {
    await refused(as('staff', 'GET', '/reminders/queue-board-link'), 403, 'access.denied');
    const { url } = (await as('admin', 'GET', '/reminders/queue-board-link')).body as { url: string };
    const origin = t.api.replace(/\/api$/, '');
    expect((await fetch(`${origin}/admin/queues/`)).status).toBe(401);
    expect((await fetch(`${origin}/admin/queues/?ticket=1.forged`)).status).toBe(401);
    const opened = await fetch(`${origin}${url}`, { redirect: 'manual' });
    expect(opened.status).toBe(303);
    const cookie = opened.headers.get('set-cookie')!.split(';')[0];
    const board = await fetch(`${origin}/admin/queues/`, { headers: { cookie } });
    expect(board.status).toBe(200);
    expect(await board.text()).toContain('<html');
    const api = await fetch(`${origin}/admin/queues/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('party-ledger-reminders');
  });
});
