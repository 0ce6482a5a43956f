import {
  Global,
  Inject,
  Logger,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_FILTER, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Redis } from 'ioredis';
import { CommandGateway } from './command-gateway.js';
import { DASHBOARD_CONTRIBUTIONS } from './dashboard.js';
import { EVENT_OWNERS, type AssembledFeatures } from './feature.js';
import type { AppConfig } from '../config.js';
import { APP_CONFIG } from '../config.js';
import { EVENT_STORE, type EventStore } from './event-store/event-store.js';
import { createEventStore } from './event-store/create-event-store.js';
import { Upcasters, withUpcasting, type Upcaster } from './event-store/upcasting.js';
import { ErrorFilter } from './http/error-filter.js';
import { HealthController } from './http/health.controller.js';
import { AUDIT_KEY, auditKeyState, type AuditKeyState } from './integrity/audit-key.js';
import { CheckpointTable } from './integrity/checkpoints.js';
import { Integrity, integrityPaths } from './integrity/integrity.js';
import { IntegrityController } from './integrity/integrity.controller.js';
import { CHECKPOINT_TABLE, INTEGRITY, IntegrityService } from './integrity/integrity.service.js';
import { IdempotencyInterceptor } from './http/idempotency.js';
import { POLICIES } from './jobs/policy.js';
import { REDIS, REDIS_READY, stopPrivateRedis, type RedisReady } from './jobs/redis.js';
import { OBLIGATION_SOURCES } from './obligations.js';
import { ObligationsController } from './obligations.controller.js';
import { PROJECTIONS, type Projection, type ReadModelDb } from './projections/projection.js';
import { ProjectionRunner } from './projections/projection-runner.js';
import { closeReadModelDb, openReadModelDb, READ_MODEL_DB } from './projections/read-model-db.js';
import { StorageMonitor } from './storage-monitor.js';
import { startupErrorOpening } from './storage.js';
import { ROLE_MATRIX } from './roles.js';
import { CLOCK, systemClock, type Clock } from './time/clock.js';
import { registerTodaySql } from './time/today-sql.js';

export interface CoreOptions {
  config: AppConfig;
  /** What the features contribute (src/features.ts, gathered by assembleFeatures): read models, policies, … */
  features: AssembledFeatures;
  upcasters?: Upcaster[];
  /** Providers to replace, e.g. CLOCK with a ManualClock in tests. */
  overrides?: { token: symbol; value: unknown }[];
}

/** Raw store (no upcasting): what chain verification and audits read. */
export const RAW_EVENT_STORE = Symbol('RAW_EVENT_STORE');

/**
 * The shared kernel: configuration, clock, event store, read models, projections, Redis, and the
 * HTTP error shape and idempotency. Features import nothing from here but tokens and helpers.
 */
@Global()
@Module({})
export class CoreModule implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Core');

  static forRoot(options: CoreOptions): DynamicModule {
    return {
      module: CoreModule,
      imports: [CqrsModule.forRoot()],
      controllers: [HealthController, ObligationsController, IntegrityController],
      providers: [
        { provide: APP_CONFIG, useValue: options.config },
        { provide: CLOCK, useValue: systemClock },
        { provide: PROJECTIONS, useValue: options.features.projections },
        { provide: POLICIES, useValue: options.features.policies },
        // The role matrix the guard checks, the home page's tiles, the obligations list: from every feature.
        { provide: ROLE_MATRIX, useValue: options.features.permissions },
        { provide: DASHBOARD_CONTRIBUTIONS, useValue: options.features.dashboard },
        { provide: OBLIGATION_SOURCES, useValue: options.features.obligations },
        { provide: EVENT_OWNERS, useValue: options.features.eventOwners },
        // The audit key (kept apart from the data) keys the log's chain and signs its checkpoints.
        { provide: AUDIT_KEY, useFactory: () => auditKeyState(integrityPaths(options.config).keyFile) },
        {
          provide: RAW_EVENT_STORE,
          inject: [CLOCK, AUDIT_KEY],
          useFactory: (clock: Clock, key: AuditKeyState) =>
            createEventStore(options.config.eventStore, clock, key.key?.logKey),
        },
        {
          provide: CHECKPOINT_TABLE,
          // After the store: the SQLite adapter creates (and migrates) the file this table lives in.
          inject: [RAW_EVENT_STORE],
          useFactory: () => new CheckpointTable(integrityPaths(options.config).checkpointFile),
        },
        {
          provide: INTEGRITY,
          inject: [RAW_EVENT_STORE, AUDIT_KEY, CHECKPOINT_TABLE, CLOCK],
          useFactory: (store: EventStore, key: AuditKeyState, table: CheckpointTable, clock: Clock) =>
            new Integrity(store, key, table, integrityPaths(options.config).anchorFile, clock),
        },
        IntegrityService,
        {
          provide: EVENT_STORE,
          inject: [RAW_EVENT_STORE],
          useFactory: (raw: EventStore) => withUpcasting(raw, new Upcasters(options.upcasters ?? [])),
        },
        {
          provide: READ_MODEL_DB,
          inject: [CLOCK],
          useFactory: (clock: Clock) => {
            const file = options.config.eventStore.kind === 'memory' ? ':memory:' : options.config.readModelFile;
            try {
              const db = openReadModelDb(file);
              registerTodaySql(db, clock);
              return db;
            } catch (error) {
              throw startupErrorOpening(file, error) ?? error;
            }
          },
        },
        StorageMonitor,
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_MODEL_DB, PROJECTIONS],
          useFactory: (store: EventStore, db: ReadModelDb, projections: Projection[]) =>
            new ProjectionRunner(store, db, projections, (message) => new Logger('Projections').warn(message)),
        },
        {
          provide: REDIS,
          useFactory: () => {
            const client = new Redis(options.config.redis.url, { maxRetriesPerRequest: null, lazyConnect: true });
            client.on('error', () => undefined);
            return client;
          },
        },
        CommandGateway,
        { provide: REDIS_READY, useValue: { url: options.config.redis.url } satisfies RedisReady },
        { provide: APP_FILTER, useClass: ErrorFilter },
        ...(options.overrides ?? []).map(({ token, value }) => ({ provide: token, useValue: value })),
        { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
      ],
      exports: [
        CommandGateway,
        StorageMonitor,
        IntegrityService,
        { provide: REDIS_READY, useValue: { url: options.config.redis.url } satisfies RedisReady },
        APP_CONFIG,
        CLOCK,
        POLICIES,
        ROLE_MATRIX,
        DASHBOARD_CONTRIBUTIONS,
        OBLIGATION_SOURCES,
        EVENT_OWNERS,
        EVENT_STORE,
        RAW_EVENT_STORE,
        READ_MODEL_DB,
        ProjectionRunner,
        REDIS,
      ],
    };
  }

  constructor(
    private readonly projections: ProjectionRunner,
    @Inject(RAW_EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL_DB) private readonly db: ReadModelDb,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(REDIS_READY) private readonly redisReady: RedisReady,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
    this.logger.log(`Projections started: ${this.projections.names.join(', ')}`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projections.stop();
    await this.store.close();
    this.redis.disconnect();
    await stopPrivateRedis(this.redisReady);
    await closeReadModelDb(this.db);
  }
}
