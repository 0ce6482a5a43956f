import { Controller, Get, Inject } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { Public } from './access.js';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.js';
import { REDIS } from '../jobs/redis.js';
import { ProjectionRunner, type ProjectionStatus } from '../projections/projection-runner.js';

export interface Health {
  status: 'ok' | 'degraded';
  eventStore: { kind: string; head: string };
  redis: 'ok' | 'unreachable';
  projections: ProjectionStatus[];
}

/** Liveness and lag: the event store's head, each projection's checkpoint and lag, Redis. */
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
    @Inject(REDIS) private readonly redis: Redis,
  ) {}

  @Get()
  @Public()
  async health(): Promise<Health> {
    const [head, projections, redis] = await Promise.all([
      this.store.headPosition(),
      this.projections.status(),
      this.pingRedis(),
    ]);
    const healthy = redis === 'ok' && projections.every((p) => p.state === 'running');
    return {
      status: healthy ? 'ok' : 'degraded',
      eventStore: { kind: this.store.kind, head: head.toString() },
      redis,
      projections,
    };
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
