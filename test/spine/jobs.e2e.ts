import { describe, expect, test } from '@jest/globals';
import { Jobs } from '../../src/core/jobs/jobs.module.js';
import { startTestApp } from '../../src/core/testing/test-app.js';

/** APP_ROLE splits API and job workers across instances (architecture.md, "What runs where"). */
describe('jobs by APP_ROLE', () => {
  test('all (the default) runs the policies and the worker on its own queue prefix', async () => {
    const t = await startTestApp({ signIn: false });
    try {
      const jobs = t.app.get(Jobs);
      expect(jobs.policyRunner?.names).toEqual(['probationary-membership']);
      expect(jobs.queue?.opts.prefix).toBe(t.config.jobs.prefix);
      expect(t.config.jobs.prefix).toMatch(/^test-/);
      expect((await jobs.policyRunner!.status())[0]).toMatchObject({ state: 'running' });
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
      expect((await t.request('GET', '/health')).status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
