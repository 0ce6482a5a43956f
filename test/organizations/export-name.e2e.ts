import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { ManualClock } from '../../src/core/time/clock.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';

/**
 * Issue 9 item 4: an export's file name carries the county's day (Asia/Shanghai) by the injected clock.
 * At 01:00 Beijing time on 1 April it is still 31 March in UTC (a date far from the real one, so
 * a file named by the system clock cannot pass).
 */
describe('export file names carry the day in Asia/Shanghai (e2e)', () => {
  const clock = new ManualClock('2025-03-31T17:00:00Z');
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ clock });
  });
  afterAll(async () => t.close());

  test.each(['units', 'party-organizations', 'members', 'positions'])('%s', async (resource) => {
    for (const format of ['csv', 'xlsx']) {
      const response = await t.request('GET', `/${resource}/export?format=${format}`);
      expect(response.status).toBe(200);
      const name = decodeURIComponent(
        /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('content-disposition')!)![1],
      );
      expect(name).toMatch(new RegExp(`-2025-04-01\\.${format}$`));
    }
  });
});
