import { expect } from '@jest/globals';
import type { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';
import { seedSchoolBranch, type SchoolBranch } from '../support/roster.js';

/** Rules scoring the instructors' visits: 5 points a visit, at most 20, and a grade for 10 or more. */
export const visitRules = (pointsEach = 5) => ({
  title: { zh: '2026 年度考核细则（审计测试）', en: '2026 rules (audit test)' },
  sections: [
    {
      id: 'guidance',
      title: { zh: '指导服务', en: 'Guidance' },
      maxPoints: 20,
      start: 'zero',
      indicators: [
        {
          id: 'visits',
          title: { zh: '指导员到校指导', en: 'Instructor visits' },
          kind: 'count',
          eventTypes: ['InstructorVisitLogged'],
          pointsEach,
          cap: 20,
        },
      ],
    },
  ],
  weights: { self: 40, superior: 60 },
  gradeBands: [
    { id: 'good', min: 10, name: { zh: '较好', en: 'Good' } },
    { id: 'lagging', min: 0, name: { zh: '后进', en: 'Lagging' } },
  ],
});

/**
 * The audit's example (issue 15): 桥山中学 with 2026 rules scoring instructors' visits (v1, 5 points a visit),
 * an instructor dispatched from 1 September who visits on 20 September (entered that day, the clock at
 * 5 October) and on 12 October (entered on 20 October: the clock is left there), and an auditor. `clock`
 * should start on 2026-10-05; tokens live 90 days, since the clock moves by weeks.
 */
export const visitRecordedLate = async (
  clock: ManualClock,
  env: Record<string, string> = {},
): Promise<{ t: TestApp; ids: SchoolBranch; instructor: string; auditor: string }> => {
  const t = await startTestApp({ clock, env: { AUTH_TOKEN_TTL: '90d', ...env } });
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([path, response.status, response.body]).toEqual([path, 201, expect.anything()]);
    return response.body as { id: string };
  };
  const ids = await seedSchoolBranch(post);
  await post('/assessment/rulesets/2026', { body: visitRules() });
  await post('/assessment/rulesets/2026/publish', { effectiveOn: '2026-01-01' });
  await post('/users', {
    username: 'zhidao-li',
    displayName: '李指导',
    password: USER_PASSWORD,
    role: 'instructor',
    unitIds: [ids.unit],
  });
  const instructor = await t.login('zhidao-li', USER_PASSWORD);
  await post('/instructors/dispatches', { instructorId: 'zhidao-li', unitId: ids.unit, startOn: '2026-09-01' });
  const visit = (visitedOn: string) =>
    t.requestAs(instructor, 'POST', '/instructors/visits', {
      unitId: ids.unit,
      visitedOn,
      duties: ['publicise_policy'],
      note: `走访 ${visitedOn}`,
    });
  expect((await visit('2026-09-20')).status).toBe(201);
  // The visit of 12 October is entered on 20 October.
  clock.set('2026-10-20T02:00:00.000Z');
  expect((await visit('2026-10-12')).status).toBe(201);
  await post('/users', { username: 'qian-shenji', displayName: '钱审计', password: USER_PASSWORD, role: 'auditor' });
  const auditor = await t.login('qian-shenji', USER_PASSWORD);
  return { t, ids, instructor, auditor };
};
