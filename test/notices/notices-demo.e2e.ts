import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { ManualClock } from '../../src/core/time/clock.js';
import { DEMO_PASSWORD } from '../../src/first-start.js';

/** The demo county shows a criticism notice: issued, circulated to all, some acknowledged, one rectification in. */
describe('criticism notices in the demo county (e2e)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  }, 300_000);

  afterAll(async () => {
    await t?.close();
  });

  test('one issued notice with acknowledgements and a rectification; 桥山中学’s secretary has it unread', async () => {
    const list = await t.request('GET', '/notices');
    expect(list.body).toHaveLength(1);
    const notice = (await t.request('GET', `/notices/${list.body[0].id}`)).body;
    expect(notice).toMatchObject({
      status: 'circulated',
      documentNumber: '蒲教党发〔2026〕1号',
      issuedOn: '2026-11-02',
      unitNames: ['梦圆学校', '丰阳学校'],
      acknowledged: 6,
      rectified: 1,
      draftedBy: 'staff',
      approvedBy: 'admin',
    });
    expect(notice.recipients).toBeGreaterThan(20);
    const secretary = await t.login('secretary-qiaoshan', DEMO_PASSWORD);
    expect((await t.requestAs(secretary, 'GET', '/notices/inbox/unread-count')).body).toEqual({ unread: 1 });
  });
});
