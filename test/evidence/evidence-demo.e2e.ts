import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { type TestApp } from '../../src/core/testing/test-app.js';
import { startDemoApp } from '../../src/core/testing/demo-app.js';
import { ManualClock } from '../../src/core/time/clock.js';

/**
 * The demo county's archive: files filed for the four helper schools and a few affiliated organisations,
 * whose bytes (tiny generated PDFs and PNGs) appear on first download, matching their filed hash.
 */
describe('evidence in the demo county (e2e)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startDemoApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
  });
  afterAll(async () => t.close());

  test('helper schools have last year’s archive with its year-end summary; files download and zip', async () => {
    const orgs = (await t.request('GET', '/evidence/orgs')).body as { id: string; name: string; files: number }[];
    const qiaoshan = orgs.find((o) => o.name.includes('桥山中学') && o.files > 0)!;
    expect(qiaoshan).toBeDefined();
    const archive = (await t.request('GET', `/evidence/archive/${qiaoshan.id}/2025`)).body;
    expect(archive.profile).toBe('helper-school');
    const summary = archive.entries.find((e: { category: string }) => e.category === 'year-end-summary');
    expect(summary.present).toBe(true);
    const [file] = summary.files as { id: string; sha256: string; name: string }[];
    expect(file.name).toBe('桥山中学2025年帮扶工作书面总结.pdf');
    expect(archive.missing.map((m: { category: string }) => m.category)).toEqual(
      expect.arrayContaining(['norm_management_service', 'norm_work_rules']),
    );

    const response = await fetch(`${t.api}/evidence/${file.id}/download`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([response.status, bytes.subarray(0, 5).toString('latin1')]).toEqual([200, '%PDF-']);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(file.sha256);

    const zip = await fetch(`${t.api}/evidence/archive/${qiaoshan.id}/2025/zip`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect([zip.status, zip.headers.get('content-type')]).toEqual([200, 'application/zip']);
    expect(Buffer.from(await zip.arrayBuffer()).includes(bytes)).toBe(true);
  });

  test('affiliated organisations owe stage summaries, some on file, some missing (C3)', async () => {
    const owed = (
      await t.request('GET', `/obligations?filter=${encodeURIComponent(JSON.stringify({ code: 'C3' }))}&range=[0,999]`)
    ).body as { orgId: string; dueOn: string; overdue: boolean }[];
    expect(owed.some((o) => o.overdue)).toBe(true);
    expect(owed.some((o) => o.dueOn === '2026-12-31' && !o.overdue)).toBe(true);
    const filed = (
      await t.request('GET', `/evidence?filter=${encodeURIComponent(JSON.stringify({ category: 'stage-summary' }))}`)
    ).headers.get('content-range');
    expect(Number(filed?.split('/')[1])).toBeGreaterThan(0);
  });
});
