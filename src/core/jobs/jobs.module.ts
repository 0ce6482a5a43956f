import {
  Inject,
  Injectable,
  Logger,
  Module,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { APP_CONFIG, type AppConfig } from '../../config.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import type { ReadModelDb } from '../projections/projection.js';
import { ProjectionRunner } from '../projections/projection-runner.js';
import { READ_MODEL_DB } from '../projections/read-model-db.js';
import { CLOCK, type Clock } from '../time/clock.js';
import { checkJobWiring, JobHandlerProvider, type JobHandler } from './job-handler.js';
import { bullConnection, enqueueJobs, openJobQueue } from './job-queue.js';
import { JobWorker } from './job-worker.js';
import { POLICIES, type Policy } from './policy.js';
import { PolicyRunner } from './policy-runner.js';
import { REDIS_READY, type RedisReady } from './redis.js';

/**
 * The jobs of this app instance: policies → BullMQ queue → worker → handlers. Handlers are the
 * providers marked @JobHandlerProvider() in any module; policies come from POLICIES (app.module.ts).
 * The wiring is checked at every start, in every role; the policies and the worker run only where
 * APP_ROLE is `worker` or `all`, so API-only instances never touch the queue.
 */
@Injectable()
export class Jobs implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Jobs');
  private handlers: JobHandler[] = [];
  private connections: Redis[] = [];
  /** Present while the policies run (APP_ROLE worker or all). */
  policyRunner?: PolicyRunner;
  queue?: Queue;
  private worker?: JobWorker;

  constructor(
    private readonly discovery: DiscoveryService,
    @Inject(POLICIES) private readonly policies: Policy[],
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REDIS_READY) private readonly redis: RedisReady,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionRunner,
  ) {}

  /** Runs before any module's bootstrap: a wiring mistake stops the start with a StartupError. */
  onModuleInit(): void {
    this.handlers = this.discovery
      .getProviders({ metadataKey: JobHandlerProvider.KEY })
      .map((wrapper) => wrapper.instance as JobHandler)
      .filter(Boolean);
    checkJobWiring(this.policies, this.handlers);
  }

  onApplicationBootstrap(): void {
    if (this.config.appRole === 'api') return;
    const log = (message: string) => this.logger.warn(message);
    const { prefix } = this.config.jobs;
    const [queueConnection, workerConnection] = [
      bullConnection(this.redis.url, log),
      bullConnection(this.redis.url, log),
    ];
    this.connections = [queueConnection, workerConnection];
    const queue = openJobQueue(queueConnection, prefix);
    queue.on('error', (error) => log(`job queue: ${error.message}`));
    this.queue = queue;
    this.worker = new JobWorker(workerConnection, prefix, this.handlers, this.clock, this.projections, log);
    this.policyRunner = new PolicyRunner({
      store: this.store,
      db: this.db,
      policies: this.policies,
      enqueue: (jobs) => enqueueJobs(queue, jobs),
      clock: this.clock,
      log,
    });
    this.worker.start();
    this.policyRunner.start();
    this.logger.log(
      `Policies started: ${this.policyRunner.names.join(', ') || 'none'}; job handlers: ${this.handlers.map((h) => h.name).join(', ') || 'none'} (queue prefix ${prefix})`,
    );
  }

  /** Before the kernel closes the store: no batch or job may still be using it. */
  async onModuleDestroy(): Promise<void> {
    await this.policyRunner?.stop();
    await this.worker?.stop();
    await this.queue?.close();
    await Promise.all(this.connections.map((connection) => connection.quit().catch(() => connection.disconnect())));
    this.connections = [];
  }
}

@Module({
  imports: [DiscoveryModule],
  providers: [Jobs],
  exports: [Jobs],
})
export class JobsModule {}
