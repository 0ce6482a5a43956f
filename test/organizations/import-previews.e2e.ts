import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';

/** A checked roster file waits in the read-model file: a restarted app confirms it; 30 minutes later none does. */
describe('roster import previews survive a restart and expire (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'party-ledger-previews-'));
  const clock = new ManualClock('2026-11-23T02:00:00Z');
  let t: TestApp;
  const header = '姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师';
  const start = () => startTestApp({ clock, dataDir });
  const upload = async (rows: string[]) => {
    const form = new FormData();
    form.append('file', new Blob([`\uFEFF${[header, ...rows].join('\r\n')}`]), 'roster.csv');
    const response = await fetch(`${t.api}/members/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    return (await response.json()) as { token: string; valid: boolean; newRows: number; errors: unknown[] };
  };
  const confirm = (token: string) => t.request('POST', '/members/import/confirm', { token });

  beforeAll(async () => {
    t = await start();
    const created = async (path: string, body: unknown) => {
      const response = await t.request('POST', path, body);
      expect([response.status, response.body.code]).toEqual([201, undefined]);
      return response.body.id as string;
    };
    const unit = await created('/units', { name: '城关小学', type: 'public_school' });
    const bureau = await created('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    await created('/party-organizations', {
      name: '城关小学党支部',
      kind: 'party_branch',
      parentId: bureau,
      unitIds: [unit],
      foundedOn: '2012-03-01',
    });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('a preview made before a restart is confirmed after it', async () => {
    const preview = await upload(['王芳,女,1985-03-02,城关小学,城关小学党支部,正式党员,2010-07-01,教师,是']);
    expect(preview).toMatchObject({ valid: true, newRows: 1, errors: [] });
    await t.close();
    t = await start();
    const confirmed = await confirm(preview.token);
    expect([confirmed.status, confirmed.body]).toEqual([201, { enrolled: 1, skipped: 0 }]);
  });

  test('after 30 minutes the preview is gone: 404 naming the token, nothing enrolled', async () => {
    const preview = await upload(['李明,男,1980-05-06,城关小学,城关小学党支部,正式党员,2008-07-01,,否']);
    clock.advance(31 * 60_000);
    const late = await confirm(preview.token);
    expect(late.status).toBe(404);
    expect(late.body).toMatchObject({ code: 'import.preview-unknown', field: 'token' });
    const members = await t.request('GET', '/members?filter={"q":"李明"}');
    expect(members.body).toEqual([]);
  });
});
