import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { DelayedError, Queue, UnrecoverableError, Worker, type Job, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../config.js';
import { AuthFacts } from '../auth/auth.facts.js';
import { envelope, foldStream, type StreamModel } from '../core/command-handling.js';
import { ConcurrencyError } from '../core/errors.js';
import { EVENT_STORE, WrongExpectedRevisionError, type EventStore } from '../core/event-store/event-store.js';
import { SYSTEM_ACTOR, systemMetadata } from '../core/http/request-context.js';
import type { JobEnvelope } from '../core/jobs/job-handler.js';
import { bullConnection, enqueueJobs } from '../core/jobs/job-queue.js';
import { jobId } from '../core/jobs/policy.js';
import { PolicyRunner } from '../core/jobs/policy-runner.js';
import { REDIS_READY, type RedisReady } from '../core/jobs/redis.js';
import type { CommandMetadata, Event } from '../core/messages.js';
import {
  listOpenObligations,
  openObligationById,
  OBLIGATION_SOURCES,
  type Obligation,
  type PublishedObligations,
} from '../core/obligations.js';
import type { ReadModelDb } from '../core/projections/projection.js';
import { ProjectionRunner } from '../core/projections/projection-runner.js';
import { READ_MODEL_DB } from '../core/projections/read-model-db.js';
import { CLOCK, type Clock } from '../core/time/clock.js';
import { addDays, shanghaiDate, startOfShanghaiDay } from '../core/time/local-date.js';
import {
  escalateReminder,
  recordDelivered,
  recordDeliveryFailed,
  resendReminder,
  sendReminder,
} from './commands/reminder-decisions.js';
import { Mailer } from './delivery/email.js';
import { postToRobot, type RobotMessage } from './delivery/webhook.js';
import {
  channelsOf,
  configuredCalendarYears,
  currentSettings,
  digestUsers,
  getReminder,
  getRobot,
  remindersForDigest,
  robotsFor,
  type ReminderRow,
} from './projections/reminder-queries.js';
import { audienceOf, ESCALATION_AUDIENCE, type Audience } from './recipients.js';
import { remindersConfig, type RemindersConfig } from './reminders.config.js';
import {
  deliveryStream,
  ESCALATION_KEY,
  offsetKey,
  reminderIdOf,
  reminderStream,
  type DeliveryRequest,
  type ReminderObligation,
} from './reminders.events.js';
import { delivery, reminder } from './reminders.js';
import { deliveryPolicy, type DeliverJob, type ResendJob } from './reminders.policy.js';
import { calendarWith, escalationDay, planReminders, workingDaysAfter } from './schedule.js';

/** The reminders' own queue: its worker needs the job's lock token to put a rate-limited send off. */
export const REMINDER_QUEUE = 'party-ledger-reminders';

const SCAN_SCHEDULER = 'reminders-daily-scan';
const DIGEST_SCHEDULER = 'reminders-daily-digest';
const READ_MODEL_WAIT_MS = 10_000;
const CHUNK = 500;

type FireJob = { obligationId: string; offset: number };
type EscalateJob = { obligationId: string };

/**
 * The reminders at work (APP_ROLE worker or all): a daily job scheduler (Asia/Shanghai) scans the open
 * obligations and puts one delayed job per obligation and offset on the queue (deterministic ids: a
 * second scan, a second instance, a restart add nothing new); when a job fires the obligation is looked
 * up again (met meanwhile → nothing), and the reminder is recorded at `no_stream` on its own stream
 * (another worker that got there first → nothing). Outside deliveries start from those events through
 * the kernel's PolicyRunner (checkpointed, so nothing is lost while Redis is away) and are recorded
 * delivered once, or failed for an administrator to retry.
 */
@Injectable()
export class ReminderEngine implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Reminders');
  readonly settings: RemindersConfig = remindersConfig();
  private readonly mailer = new Mailer(this.settings.smtpUrl, this.settings.mailFrom);
  private connections: Redis[] = [];
  queue?: Queue;
  private worker?: Worker;
  policyRunner?: PolicyRunner;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_READY) private readonly redis: RedisReady,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(OBLIGATION_SOURCES) private readonly sources: PublishedObligations[],
    private readonly projections: ProjectionRunner,
    private readonly users: AuthFacts,
  ) {}

  /** A queue handle for routes and the board, also where the worker does not run (APP_ROLE=api). */
  openQueue(): Queue {
    if (!this.queue) {
      const connection = bullConnection(this.redis.url, (m) => this.logger.warn(m));
      this.connections.push(connection);
      this.queue = new Queue(REMINDER_QUEUE, {
        connection,
        prefix: this.config.jobs.prefix,
        defaultJobOptions: this.jobOptions(),
      });
      this.queue.on('error', (error) => this.logger.warn(`reminder queue: ${error.message}`));
    }
    return this.queue;
  }

  /** Retries with exponential backoff; completed jobs are kept 30 days so that a re-add of their id is ignored. */
  private jobOptions(): JobsOptions {
    return {
      attempts: this.settings.attempts,
      backoff: { type: 'exponential', delay: this.settings.backoffMs },
      removeOnComplete: { age: 30 * 86_400, count: 100_000 },
      removeOnFail: { age: 90 * 86_400 },
    };
  }

  onApplicationBootstrap(): void {
    if (this.config.appRole === 'api') return;
    const queue = this.openQueue();
    const workerConnection = bullConnection(this.redis.url, (m) => this.logger.warn(m));
    this.connections.push(workerConnection);
    this.worker = new Worker(REMINDER_QUEUE, (job, token) => this.process(job, token), {
      connection: workerConnection,
      prefix: this.config.jobs.prefix,
      concurrency: this.settings.concurrency,
    });
    this.worker.on('error', (error) => this.logger.warn(`reminder worker: ${error.message}`));
    this.worker.on('failed', (job, error) =>
      this.logger.warn(`reminder job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
    );
    this.policyRunner = new PolicyRunner({
      store: this.store,
      db: this.db,
      policies: [deliveryPolicy],
      enqueue: (jobs) => enqueueJobs(queue, jobs),
      clock: this.clock,
      log: (m) => this.logger.warn(m),
    });
    this.policyRunner.start();
    // The schedulers and a scan at start; while Redis is away these wait in ioredis' offline queue.
    void this.schedule().catch((error: Error) => this.logger.warn(`reminder schedulers: ${error.message}`));
  }

  /** The recurring scans (Asia/Shanghai), upserted by every instance: Redis keeps one of each. */
  private async schedule(): Promise<void> {
    const queue = this.openQueue();
    const { digestHour } = currentSettings(this.db);
    await queue.upsertJobScheduler(
      SCAN_SCHEDULER,
      { pattern: this.settings.scanPattern, tz: this.config.timeZone },
      { name: 'scan', data: { data: {} } },
    );
    await queue.upsertJobScheduler(
      DIGEST_SCHEDULER,
      { pattern: `0 ${digestHour} * * *`, tz: this.config.timeZone },
      { name: 'digest', data: { data: {} } },
    );
    await this.requestScan();
  }

  /** A scan now (at start, after a settings change, on the bureau's request). */
  async requestScan(): Promise<void> {
    await this.openQueue().add('scan', { data: {} });
  }

  async onModuleDestroy(): Promise<void> {
    await this.policyRunner?.stop();
    await this.worker?.close();
    await this.queue?.close();
    this.mailer.close();
    await Promise.all(this.connections.map((c) => c.quit().catch(() => c.disconnect())));
    this.connections = [];
  }

  private async process(job: Job<JobEnvelope | { data: unknown; cause?: undefined }>, token?: string): Promise<void> {
    const { data, cause } = job.data;
    // A job from an event waits for this instance's read models to reach that event.
    if (cause && !(await this.projections.waitFor(BigInt(cause.position), READ_MODEL_WAIT_MS)))
      throw new Error(`read models have not reached position ${cause.position} yet`);
    const metadata = () => ({
      ...systemMetadata(this.clock, SYSTEM_ACTOR, cause?.correlationId),
      ...(cause ? { causationId: cause.eventId } : {}),
    });
    switch (job.name) {
      case 'scan':
        await this.scan();
        return;
      case 'fire':
        return this.fire(data as FireJob, metadata());
      case 'escalate':
        return this.escalate(data as EscalateJob, metadata());
      case 'resend':
        return this.resend(data as ResendJob, metadata());
      case 'deliver':
        return this.deliver(job, token, data as DeliverJob, metadata());
      case 'digest':
        return this.digest(metadata());
      default:
        throw new UnrecoverableError(`No handler for reminder job ${job.name}`);
    }
  }

  /**
   * The re-check at fire time: is the obligation still open in the read models? Asked of the one feature
   * that published it, by its id, so a morning's burst of jobs costs one indexed read each.
   */
  private openObligation(id: string): Obligation | undefined {
    return openObligationById(this.db, this.sources, id, shanghaiDate(this.clock.now()));
  }

  /** The open obligations with a deadline. */
  private openObligations(): Obligation[] {
    const today = shanghaiDate(this.clock.now());
    return listOpenObligations(
      this.db,
      this.sources,
      {
        orderBy: 'o.id ASC',
        offset: 0,
        limit: 10_000_000,
        where: 'WHERE o.due_on IS NOT NULL',
        params: [],
      },
      today,
    ).rows;
  }

  private fireAt(day: string, hour: number): number {
    return startOfShanghaiDay(day).getTime() + hour * 3_600_000;
  }

  /** Every open obligation's reminders and escalation, each a delayed job with a deterministic id. */
  async scan(): Promise<number> {
    await this.projections.caughtUp();
    const queue = this.openQueue();
    const settings = currentSettings(this.db);
    const calendar = calendarWith(configuredCalendarYears(this.db));
    const now = this.clock.now().getTime();
    const today = shanghaiDate(this.clock.now());
    const delay = (day: string) => Math.max(0, this.fireAt(day, settings.sendHour) - now);
    const jobs: { name: string; data: { data: unknown }; opts: JobsOptions }[] = [];
    // A county's obligations fall on a few hundred days: plan each day once, not once per obligation.
    const plans = new Map<string, { reminders: ReturnType<typeof planReminders>; escalateOn: string }>();
    const planFor = (dueOn: string) => {
      let plan = plans.get(dueOn);
      if (!plan)
        plans.set(
          dueOn,
          (plan = {
            reminders: planReminders(dueOn, settings, calendar, today),
            escalateOn: escalationDay(dueOn, settings, calendar),
          }),
        );
      return plan;
    };
    for (const obligation of this.openObligations()) {
      const plan = planFor(obligation.dueOn!);
      for (const planned of plan.reminders)
        jobs.push({
          name: 'fire',
          data: { data: { obligationId: obligation.id, offset: planned.offset } satisfies FireJob },
          opts: { jobId: jobId('fire', obligation.id, planned.key), delay: delay(planned.on) },
        });
      jobs.push({
        name: 'escalate',
        data: { data: { obligationId: obligation.id } satisfies EscalateJob },
        opts: { jobId: jobId('escalate', obligation.id), delay: delay(plan.escalateOn) },
      });
    }
    for (let i = 0; i < jobs.length; i += CHUNK) await queue.addBulk(jobs.slice(i, i + CHUNK));
    return jobs.length;
  }

  /** The outside deliveries a person chose for a reminder (none by email when they take the digest). */
  private deliveriesFor(
    userId: string,
    reminderId: string,
    robotsKey: string,
    robotUnit: string | null,
    suffix = '',
  ): { deliveries: DeliveryRequest[]; digest: boolean } {
    const choice = channelsOf(this.db, userId);
    const deliveries: DeliveryRequest[] = [];
    if (choice.channels.includes('email') && choice.email && !choice.digest)
      deliveries.push({ deliveryId: `${reminderId}.email${suffix}`, channel: 'email', target: choice.email });
    if (choice.channels.includes('robot'))
      for (const robot of robotsFor(this.db, robotUnit))
        // Shared by every recipient of the reminder: the robot's group hears of it once.
        deliveries.push({ deliveryId: `${robotsKey}.robot.${robot.id}${suffix}`, channel: 'robot', target: robot.id });
    return { deliveries, digest: choice.digest };
  }

  /**
   * The accounts of the audience for this obligation. A branch's obligation goes to that branch's secretary
   * only: a school with several branches has several secretaries, each granted the school as well.
   */
  private recipients(audience: Audience, obligation: Obligation) {
    if (!audience.scoped) return this.users.usersWithRole(audience.roles);
    const byOrg = obligation.orgId !== null && audience.roles.includes('secretary');
    return this.users.usersWithRole(audience.roles, {
      orgId: obligation.orgId,
      unitId: byOrg ? null : obligation.unitId,
    });
  }

  private facts(o: Obligation): ReminderObligation {
    return {
      obligationId: o.id,
      code: o.code,
      title: o.title,
      subject: o.subject,
      unitId: o.unitId,
      orgId: o.orgId,
      dueOn: o.dueOn,
    };
  }

  /** Fire time: still open, the offset still in the settings → one reminder per person, recorded once. */
  private async fire({ obligationId, offset }: FireJob, metadata: CommandMetadata): Promise<void> {
    const obligation = this.openObligation(obligationId);
    if (!obligation) return; // met (or gone) since it was scheduled: nothing to say
    if (!currentSettings(this.db).offsets.includes(offset)) return;
    const key = offsetKey(offset);
    const audience = audienceOf(obligation.who);
    for (const user of this.recipients(audience, obligation)) {
      const reminderId = reminderIdOf(obligation.id, key, user.userId);
      const robotUnit = audience.scoped ? obligation.unitId : null;
      const { deliveries, digest } = this.deliveriesFor(user.userId, reminderId, `${obligation.id}.${key}`, robotUnit);
      await this.decide(
        reminderStream(reminderId),
        reminder,
        (state) =>
          sendReminder(state, {
            reminderId,
            recipientId: user.userId,
            obligation: this.facts(obligation),
            offset,
            deliveries,
            digest,
          }),
        metadata,
      );
    }
  }

  /** Still open N working days after the deadline: the bureau office is told, once per person. */
  private async escalate({ obligationId }: EscalateJob, metadata: CommandMetadata): Promise<void> {
    const obligation = this.openObligation(obligationId);
    if (!obligation?.dueOn) return;
    const settings = currentSettings(this.db);
    const calendar = calendarWith(configuredCalendarYears(this.db));
    const today = shanghaiDate(this.clock.now());
    if (today < escalationDay(obligation.dueOn, settings, calendar)) return;
    for (const user of this.recipients(ESCALATION_AUDIENCE, obligation)) {
      const reminderId = reminderIdOf(obligation.id, ESCALATION_KEY, user.userId);
      const { deliveries, digest } = this.deliveriesFor(
        user.userId,
        reminderId,
        `${obligation.id}.${ESCALATION_KEY}`,
        null,
      );
      await this.decide(
        reminderStream(reminderId),
        reminder,
        (state) =>
          escalateReminder(state, {
            reminderId,
            recipientId: user.userId,
            obligation: this.facts(obligation),
            escalatedFrom: obligation.who,
            workingDaysOverdue: workingDaysAfter(calendar, obligation.dueOn!, today),
            deliveries,
            digest,
          }),
        metadata,
      );
    }
  }

  /** A snooze ran out: sent again if the obligation is still open. */
  private async resend({ reminderId, after }: ResendJob, metadata: CommandMetadata): Promise<void> {
    const row = getReminder(this.db, reminderId);
    if (!row) return;
    const obligation = this.openObligation(row.obligationId);
    if (!obligation) return;
    const robotsKey = `${row.obligationId}.${row.kind === 'escalation' ? ESCALATION_KEY : offsetKey(row.offset ?? 0)}`;
    const robotUnit = row.kind === 'escalation' || !audienceOf(obligation.who).scoped ? null : row.unitId;
    const { deliveries } = this.deliveriesFor(row.recipientId, reminderId, robotsKey, robotUnit, `.after${after}`);
    await this.decide(reminderStream(reminderId), reminder, (s) => resendReminder(s, { after, deliveries }), metadata);
  }

  /** Words of a reminder for email and robots. */
  private message(row: ReminderRow): RobotMessage {
    const head = row.kind === 'escalation' ? '【提醒升级】' : '【党建提醒】';
    return {
      title: `${head}${row.code} ${row.title.zh}`,
      lines: [
        `事项：${row.title.zh}（${row.title.en}）`,
        `对象：${row.subject.name ?? row.subject.id}`,
        `截止日期：${row.dueOn ?? '—'}`,
        ...(row.kind === 'escalation' ? [`已逾期未办结，升级至局党委办（原责任方：${row.escalatedFrom}）`] : []),
        '请登录党建台账办理。',
      ],
    };
  }

  private async deliver(
    job: Job,
    token: string | undefined,
    request: DeliverJob,
    metadata: CommandMetadata,
  ): Promise<void> {
    const stream = deliveryStream(request.deliveryId);
    if (foldStream(delivery, await this.store.readStream(stream)).delivered) return;
    const row = getReminder(this.db, request.reminderId);
    if (!row) throw new Error(`reminder ${request.reminderId} is not in the read model yet`);
    const facts = {
      deliveryId: request.deliveryId,
      reminderId: request.reminderId,
      channel: request.channel,
      target: request.target,
    };
    const attempt = job.attemptsMade + 1;
    const last = attempt >= (job.opts.attempts ?? 1);
    try {
      const message = this.message(row);
      if (request.channel === 'email') {
        if (!this.mailer.configured) throw new UnrecoverableError('SMTP_URL is not set');
        await this.mailer.send(request.target, message.title, message.lines.join('\n'));
      } else {
        const robot = getRobot(this.db, request.target);
        if (!robot) throw new UnrecoverableError(`robot ${request.target} was removed`);
        if (!(await this.robotSlot(robot.id))) {
          // Over the robot's 20 a minute: put off to the next minute without spending an attempt.
          await job.moveToDelayed(Date.now() + 60_000 - (Date.now() % 60_000) + 50, token);
          throw new DelayedError();
        }
        await postToRobot(robot, message, Date.now());
      }
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      if (last || error instanceof UnrecoverableError)
        await this.decide(
          stream,
          delivery,
          (s) =>
            recordDeliveryFailed(s, { ...facts, attempts: attempt, error: (error as Error).message.slice(0, 500) }),
          metadata,
        );
      throw error;
    }
    await this.decide(stream, delivery, (s) => recordDelivered(s, { ...facts, attempt }), metadata);
  }

  /** A fixed window per robot and minute in Redis, shared by every instance. */
  private async robotSlot(robotId: string): Promise<boolean> {
    this.openQueue();
    const client = this.connections[0];
    const key = `${this.config.jobs.prefix}:reminders:rate:${robotId}:${Math.floor(Date.now() / 60_000)}`;
    const [[, count]] = (await client.multi().incr(key).expire(key, 120).exec()) as [[Error | null, number]];
    return count <= this.settings.robotRatePerMinute;
  }

  /** One email a day per person who chose the digest, listing the day's reminders. */
  private async digest(metadata: CommandMetadata): Promise<void> {
    if (!this.mailer.configured) return;
    const today = shanghaiDate(this.clock.now());
    const from = startOfShanghaiDay(today).toISOString();
    const to = startOfShanghaiDay(addDays(today, 1)).toISOString();
    for (const user of digestUsers(this.db)) {
      const rows = remindersForDigest(this.db, user.userId, from, to);
      if (rows.length === 0 || !user.email) continue;
      const deliveryId = `digest.${user.userId}.${today}`;
      const stream = deliveryStream(deliveryId);
      if (foldStream(delivery, await this.store.readStream(stream)).delivered) continue;
      const lines = rows.map((r) => `- ${r.code} ${r.title.zh}｜${r.subject.name ?? ''}｜截止 ${r.dueOn ?? '—'}`);
      await this.mailer.send(user.email, `【党建提醒】${today} 待办汇总（${rows.length} 项）`, lines.join('\n'));
      await this.decide(
        stream,
        delivery,
        (s) =>
          recordDelivered(s, { deliveryId, reminderId: 'digest', channel: 'email', target: user.email!, attempt: 1 }),
        metadata,
      );
    }
  }

  /**
   * Reads the stream, decides, appends at the revision read. Losing the race to another writer (a second
   * instance running the same job) means the work is done there: nothing more here.
   */
  async decide<State, E extends Event>(
    stream: string,
    model: StreamModel<State, E>,
    decide: (state: State) => E[],
    metadata: CommandMetadata,
    onConflict: 'skip' | 'refuse' = 'skip',
  ): Promise<E[]> {
    const history = await this.store.readStream(stream);
    const events = decide(foldStream(model, history));
    if (events.length === 0) return [];
    const expected = history.length === 0 ? 'no_stream' : history[history.length - 1].revision;
    try {
      await this.store.append(
        stream,
        events.map((event) => envelope(event, metadata)),
        expected,
      );
      return events;
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
      if (onConflict === 'refuse') throw new ConcurrencyError(stream, String(error.expected), String(error.actual));
      return [];
    }
  }
}
