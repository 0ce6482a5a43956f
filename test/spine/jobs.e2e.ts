import { describe, expect, test } from '@jest/globals';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { Jobs } from '../../src/core/jobs/jobs.module.js';
import { startTestApp } from '../../src/core/testing/test-app.js';
import { FEATURES } from '../../src/features.js';

/** Every policy the list of features declares, in its order. */
const POLICIES = FEATURES.flatMap((feature) => feature.policies ?? []);

/** APP_ROLE splits API and job workers across instances (architecture.md, "What runs where"). */
describe('jobs by APP_ROLE', () => {
  test('all (the default) runs the policies and the worker on its own queue prefix', async () => {
    const t = await startTestApp({ signIn: false });
    try {
      const jobs = t.app.get(Jobs);
      expect(jobs.policyRunner?.names).toEqual(POLICIES.map((p) => p.name));
      expect(jobs.policyRunner?.names).toContain('probationary-membership');
      expect(jobs.queue?.opts.prefix).toBe(t.config.jobs.prefix);
      expect(t.config.jobs.prefix).toMatch(/^test-/);
      expect((await jobs.policyRunner!.status())[0]).toMatchObject({ state: 'running' });
      // /api/health reports each policy beside the projections: checkpoint, lag, state.
      const store = t.app.get<EventStore>(EVENT_STORE);
      expect(await jobs.policyRunner!.waitFor(await store.headPosition())).toBe(true);
      const health = await t.request('GET', '/health');
      expect(health.status).toBe(200);
      const head = (await store.headPosition()).toString();
      expect(health.body.policies).toEqual(
        POLICIES.map((policy) => ({
          name: policy.name,
          version: policy.version ?? 1,
          checkpoint: head,
          lag: 0,
          state: 'running',
        })),
      );
      expect(health.body.status).toBe('ok');
    } finally {
      await t.close();
    }
  });

  test('api serves HTTP but leaves the policies and the queue to the worker instances', async () => {
    const t = await startTestApp({ env: { APP_ROLE: 'api' }, signIn: false });
    try {
      const jobs = t.app.get(Jobs);
      expect(jobs.policyRunner).toBeUndefined();
      expect(jobs.queue).toBeUndefined();
      const health = await t.request('GET', '/health');
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({ status: 'ok', policies: [] }); // the worker instances report them
    } finally {
      await t.close();
    }
  });
});
