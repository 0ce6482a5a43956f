import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { ManualClock } from '../../src/core/time/clock.js';

/** The roster import against the form's rules: same limits, no second enrolment, names as sent. */
describe('roster import: one schema with the form, rows already on the roster, file names (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const header = '姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师';
  const created = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body.code]).toEqual([201, undefined]);
    return response.body.id as string;
  };
  const upload = async (content: Buffer | string, name = 'roster.csv') => {
    const form = new FormData();
    form.append('file', new Blob([typeof content === 'string' ? `\uFEFF${content}` : content]), name);
    const response = await fetch(`${t.api}/members/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const confirm = async (token: string) => (await t.request('POST', '/members/import/confirm', { token })).body;
  const memberCount = async () =>
    Number((await t.request('GET', '/members?range=[0,0]')).headers.get('content-range')?.split('/')[1]);

  beforeAll(async () => {
    t = await startTestApp({ clock: new ManualClock('2026-11-23T02:00:00Z') });
    store = t.app.get(EVENT_STORE);
    ids.unit = await created('/units', { name: '城关小学', type: 'public_school' });
    ids.bureau = await created('/party-organizations', {
      name: '中共蒲城县教育局委员会',
      kind: 'basic_party_committee',
      foundedOn: '2010-01-01',
    });
    ids.branch = await created('/party-organizations', {
      name: '城关小学党支部',
      kind: 'party_branch',
      parentId: ids.bureau,
      unitIds: [ids.unit],
      foundedOn: '2012-03-01',
    });
  });
  afterAll(async () => t.close());

  test('a name or post over the form limit is an error of its column, as POST /members refuses it', async () => {
    const longName = '欧'.repeat(60);
    const longPost = '教'.repeat(100_000);
    const form = await t.request('POST', '/members', {
      name: longName,
      gender: 'male',
      orgId: ids.branch,
      unitId: ids.unit,
      category: 'full',
      post: longPost,
    });
    expect([form.status, Object.keys(form.body.errors).sort()]).toEqual([400, ['name', 'post']]);

    const head = await store.headPosition();
    const preview = await upload(
      [
        header,
        `${longName},男,1980-01-01,城关小学,城关小学党支部,正式党员,2005-07-01,,是`,
        `张三,男,1980-01-01,城关小学,城关小学党支部,正式党员,2005-07-01,${longPost},是`,
        `李\u202E四,男,1980-01-01,城关小学,城关小学党支部,正式党员,2005-07-01,,是`,
      ].join('\r\n'),
    );
    expect(preview.status).toBe(201);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual([
      { row: 2, column: '姓名', message: { zh: '姓名最多 50 个字符', en: 'Name must have at most 50 characters' } },
      {
        row: 3,
        column: '职务岗位',
        message: { zh: '职务岗位最多 50 个字符', en: 'Post must have at most 50 characters' },
      },
      { row: 4, column: '姓名', message: expect.objectContaining({ zh: expect.stringContaining('控制字符') }) },
    ]);
    expect((await t.request('POST', '/members/import/confirm', { token: preview.body.token })).status).toBe(422);
    expect(await store.headPosition()).toBe(head);
  });

  test('re-importing the exported roster enrols nobody twice: every row is already on the roster', async () => {
    const row = (name: string, birth: string) => `${name},女,${birth},城关小学,城关小学党支部,正式党员,2010-07-01,,否`;
    const first = await upload([header, row('王芳', '1985-01-01'), row('刘洋', '1986-02-02')].join('\r\n'));
    expect(first.body).toMatchObject({ valid: true, newRows: 2, existingRows: 0 });
    expect(await confirm(first.body.token)).toEqual({ enrolled: 2, skipped: 0 });
    const before = await memberCount();

    // The export (with its id column), as an .xlsx and as a CSV, imports back as "already on the roster".
    for (const format of ['xlsx', 'csv']) {
      const exported = await fetch(`${t.api}/members/export?format=${format}`, {
        headers: { authorization: `Bearer ${t.adminToken}` },
      });
      const again = await upload(Buffer.from(await exported.arrayBuffer()), `members.${format}`);
      expect(again.body).toMatchObject({ valid: true, errors: [], rows: before, newRows: 0, existingRows: before });
      expect(again.body.sample.map((r: { status: string }) => r.status)).toEqual(Array(before).fill('existing'));
      expect(await confirm(again.body.token)).toEqual({ enrolled: 0, skipped: before });
    }
    // Without the id column: the same name and birth date in the same organisation is the same person.
    const same = await upload([header, row('王芳', '1985-01-01'), row('王芳', '1990-09-09')].join('\r\n'));
    expect(same.body).toMatchObject({ valid: true, newRows: 1, existingRows: 1 });
    expect(same.body.sample[0]).toMatchObject({
      row: 2,
      name: '王芳',
      status: 'existing',
      memberId: expect.any(String),
    });
    expect(same.body.sample[1]).toMatchObject({ row: 3, status: 'new', memberId: null });
    // A preview confirmed after another preview of the same rows was: looked up again, skipped.
    const twin = await upload([header, row('王芳', '1990-09-09')].join('\r\n'));
    expect(await confirm(same.body.token)).toEqual({ enrolled: 1, skipped: 1 });
    expect(await confirm(twin.body.token)).toEqual({ enrolled: 0, skipped: 1 });
    expect(await memberCount()).toBe(before + 1);
  });

  test('two identical rows of one file: the second is a duplicate row error; an unknown id is an error', async () => {
    const line = '赵雷,男,1979-05-05,城关小学,城关小学党支部,正式党员,2003-07-01,,是';
    const preview = await upload([header, line, '', line].join('\r\n'));
    expect(preview.body.errors).toEqual([
      { row: 4, column: '姓名', message: { zh: '与第 2 行重复', en: 'duplicates row 2 of the file' } },
    ]);
    const unknown = await upload([`${header},编号`, `${line},00000000-0000-4000-8000-000000000000`].join('\r\n'));
    expect(unknown.body.errors).toEqual([
      expect.objectContaining({
        row: 2,
        column: '编号',
        message: expect.objectContaining({ zh: expect.stringContaining('名册中没有编号') }),
      }),
    ]);
  });

  test('a file named in Chinese keeps its name through a real multipart upload', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('党员名册').addRow(header.split(','));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await upload(bytes, '党员名册.xlsx');
    expect(preview.body.fileName).toBe('党员名册.xlsx');
  });
});
