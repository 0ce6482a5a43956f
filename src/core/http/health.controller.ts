import { Controller, Get, Inject, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Response } from 'express';
import type { Redis } from 'ioredis';
import { Public } from './access.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { IntegrityService } from '../integrity/integrity.service.js';
import type { IntegrityProblem } from '../integrity/log-verifier.js';
import { Jobs } from '../jobs/jobs.module.js';
import type { PolicyStatus } from '../jobs/policy-runner.js';
import { REDIS } from '../jobs/redis.js';
import { ProjectionRunner, type ProjectionStatus } from '../projections/projection-runner.js';
import { StorageMonitor, type StoreWritability } from '../storage-monitor.js';

export interface Health {
  /** `unwritable` (HTTP 503) when the data folder takes no writes; `degraded` while a consumer is not running. */
  status: 'ok' | 'degraded' | 'unwritable';
  eventStore: { kind: string; head: string };
  /** Whether the data folder (the SQLite files) can be written, with the free space and, if not, why. */
  store: StoreWritability;
  redis: 'ok' | 'unreachable';
  projections: ProjectionStatus[];
  /**
   * The policies this instance runs, each with its checkpoint and lag; empty where APP_ROLE is `api`
   * (the worker instances run them and report them on their own /api/health).
   */
  policies: PolicyStatus[];
  /**
   * The event log's tamper evidence as last checked (at start: the latest signed checkpoint and every event
   * after it; then at each checkpoint): `ok` null while the start check runs, false with the problems (the
   * first 20) when the log does not verify. The app keeps serving: auditors must be able to look.
   */
  integrity: { ok: boolean | null; checkedAt: string | null; problems: IntegrityProblem[] };
}

/**
 * Liveness and lag: the event store's head, whether the data folder can be written, each projection's and
 * policy's checkpoint and lag, Redis, and whether the event log verifies.
 */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly modules: ModuleRef,
    private readonly storage: StorageMonitor,
    private readonly integrity: IntegrityService,
  ) {}

  @Get()
  @Public()
  async health(@Res({ passthrough: true }) response: Response): Promise<Health> {
    const [head, projections, policies, redis] = await Promise.all([
      this.store.headPosition(),
      this.projections.status(),
      this.policies(),
      this.pingRedis(),
    ]);
    const healthy = redis === 'ok' && [...projections, ...policies].every((p) => p.state === 'running');
    const store = this.storage.check();
    const integrity = this.integrity.status();
    // A load balancer should send no writes to an instance that cannot save them.
    if (!store.writable) response.status(503);
    return {
      status: !store.writable ? 'unwritable' : healthy ? 'ok' : 'degraded',
      eventStore: { kind: this.store.kind, head: head.toString() },
      store,
      redis,
      projections,
      policies,
      integrity: { ok: integrity.ok, checkedAt: integrity.checkedAt, problems: integrity.problems.slice(0, 20) },
    };
  }

  /** The jobs module imports this kernel, so it is looked up when asked for, not injected. */
  private async policies(): Promise<PolicyStatus[]> {
    let jobs: Jobs | undefined;
    try {
      jobs = this.modules.get(Jobs, { strict: false });
    } catch {
      return []; // an app without the jobs module
    }
    return (await jobs?.policyRunner?.status()) ?? [];
  }

  private async pingRedis(): Promise<'ok' | 'unreachable'> {
    try {
      if (this.redis.status === 'wait') await this.redis.connect();
      const answer = await Promise.race([
        this.redis.ping(),
        new Promise<string>((resolve) => setTimeout(() => resolve('timeout'), 1000)),
      ]);
      return answer === 'PONG' ? 'ok' : 'unreachable';
    } catch {
      return 'unreachable';
    }
  }
}
