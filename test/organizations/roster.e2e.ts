import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, USER_PASSWORD, type TestApp } from '../../src/core/testing/test-app.js';

/** The roster end to end: organisations, members, posts, affiliation, flags, export and import. */
describe('roster: organisations, members, import and export (e2e)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const post = async (path: string, body: unknown, status = 201) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([status, expect.anything()]);
    return response.body;
  };
  const enrol = (name: string, unit: string, org: string, category = 'full', extra = {}) =>
    post('/members', {
      name,
      gender: 'female',
      birthDate: '1988-05-04',
      orgId: ids[org],
      unitId: ids[unit],
      category,
      joinedOn: '2012-07-01',
      teaches: true,
      ...extra,
    });

  beforeAll(async () => {
    t = await startTestApp();
    ids.qiaoshan = (await post('/units', { name: '桥山中学', type: 'public_school', district: '城区片区' })).id;
    ids.xinghua = (await post('/units', { name: '兴华学校', type: 'private_school' })).id;
    ids.mengyuan = (await post('/units', { name: '梦圆幼儿园', type: 'private_kindergarten' })).id;
    ids.bureau = (
      await post('/party-organizations', {
        name: '中共蒲城县教育局委员会',
        kind: 'basic_party_committee',
        foundedOn: '2010-01-01',
      })
    ).id;
    ids.qiaoshanBranch = (
      await post('/party-organizations', {
        name: '桥山中学党支部',
        kind: 'party_branch',
        parentId: ids.bureau,
        unitIds: [ids.qiaoshan],
        foundedOn: '2012-03-01',
      })
    ).id;
    ids.host = (
      await post('/party-organizations', {
        name: '教育局第一挂靠党支部',
        kind: 'affiliated_party_org',
        parentId: ids.bureau,
        foundedOn: '2019-09-10',
      })
    ).id;
  });
  afterAll(async () => t.close());

  test('organisations form a tree; a branch needs a parent; a joint branch covers at most 5 units', async () => {
    const tree = await t.request(
      'GET',
      `/party-organizations?filter=${encodeURIComponent(JSON.stringify({ parentId: ids.bureau }))}`,
    );
    expect(tree.body.map((o: { name: string }) => o.name).sort()).toEqual(
      ['教育局第一挂靠党支部', '桥山中学党支部'].sort(),
    );
    expect(
      (
        await t.request('POST', '/party-organizations', {
          name: '孤立支部',
          kind: 'party_branch',
          foundedOn: '2020-01-01',
        })
      ).body,
    ).toMatchObject({ code: 'org.parent-required', field: 'parentId' });
    const sixUnits = Array.from({ length: 6 }, () => ids.xinghua);
    const joint = await t.request('POST', '/party-organizations', {
      name: '联合支部',
      kind: 'joint_branch',
      parentId: ids.bureau,
      unitIds: [
        ...sixUnits.slice(0, 1),
        ...Array.from({ length: 5 }, (_, i) => `00000000-0000-4000-8000-00000000000${i}`),
      ],
      foundedOn: '2020-01-01',
    });
    expect(joint.body.code).toBe('org.unit-unknown');
  });

  test('affiliated units; B18 flags a unit with 3 full members and no organisation of its own', async () => {
    await post(`/units/${ids.xinghua}/affiliation`, { hostOrgId: ids.host, on: '2019-09-10' });
    for (const name of ['赵敏', '钱芳', '孙丽']) await enrol(name, 'xinghua', 'host');
    const unit = (await t.request('GET', `/units/${ids.xinghua}`)).body;
    expect(unit).toMatchObject({ hostOrgId: ids.host, fullMembers: 3, ownOrgId: null, needsOwnOrganization: true });
    const flagged = await t.request('GET', `/units?filter=${encodeURIComponent('{"needsOwnOrganization":true}')}`);
    expect(flagged.body.map((u: { name: string }) => u.name)).toEqual(['兴华学校']);
    const unflagged = await t.request('GET', `/units?filter=${encodeURIComponent('{"needsOwnOrganization":false}')}`);
    expect(unflagged.body.map((u: { name: string }) => u.name).sort()).toEqual(['梦圆幼儿园', '桥山中学'].sort());
    // A fourth member cannot go to an organisation that does not cover the unit.
    const wrong = await t.request('POST', '/members', {
      name: '李华',
      gender: 'male',
      orgId: ids.qiaoshanBranch,
      unitId: ids.xinghua,
      category: 'full',
      teaches: false,
    });
    expect(wrong.body).toMatchObject({ code: 'member.unit-not-covered', field: 'unitId' });
  });

  test('posts: one secretary at a time, cross appointment recorded; transfers keep one organisation', async () => {
    const wang = (await enrol('王校长', 'qiaoshan', 'qiaoshanBranch')).id;
    const li = (await enrol('李老师', 'qiaoshan', 'qiaoshanBranch')).id;
    const secretary = await post(`/party-organizations/${ids.qiaoshanBranch}/positions`, {
      memberId: wang,
      title: 'branch_secretary',
      from: '2023-09-01',
      crossAppointment: '校长',
    });
    const second = await t.request('POST', `/party-organizations/${ids.qiaoshanBranch}/positions`, {
      memberId: li,
      title: 'branch_secretary',
      from: '2024-01-01',
    });
    expect(second.body.code).toBe('position.secretary-held');
    const positions = await t.request(
      'GET',
      `/positions?filter=${encodeURIComponent(JSON.stringify({ orgId: ids.qiaoshanBranch, current: true }))}`,
    );
    expect(positions.body).toEqual([
      expect.objectContaining({
        id: secretary.id,
        memberName: '王校长',
        title: 'branch_secretary',
        crossAppointment: '校长',
        to: null,
      }),
    ]);

    await post(`/members/${li}/transfer`, { toOrgId: ids.host, toUnitId: ids.xinghua, on: '2026-09-01' });
    const members = await t.request('GET', `/members?filter=${encodeURIComponent(JSON.stringify({ q: '李老师' }))}`);
    expect(members.body).toEqual([
      expect.objectContaining({ id: li, orgName: '教育局第一挂靠党支部', unitName: '兴华学校' }),
    ]);
    const events = await t.app.get<EventStore>(EVENT_STORE).readStream(`member-${li}`);
    expect(events.map((e) => e.type)).toEqual(['MemberEnrolled', 'MemberTransferred']);
  });

  test('export: CSV with a BOM and Chinese headers; xlsx that Excel (exceljs) reads back', async () => {
    const csv = await fetch(`${t.api}/members/export?format=csv`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n');
    expect(lines[0]).toBe('姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师,编号');
    expect(lines).toHaveLength(1 + 5);
    const xlsx = await fetch(`${t.api}/units/export?format=xlsx`, {
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(1).value).toBe('名称');
    expect(sheet.rowCount).toBe(1 + 3);
    expect((await t.request('GET', '/members/export?format=pdf')).body).toMatchObject({
      statusCode: 400,
      field: 'format',
    });
  });

  const upload = async (content: Buffer, name: string) => {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const response = await fetch(`${t.api}/members/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  const header = '姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师';

  test('import: a file with errors is previewed row by row and cannot be confirmed; nothing is written', async () => {
    const rows = [
      header,
      '周杰,男,1990-01-02,桥山中学,桥山中学党支部,正式党员,2015-07-01,数学教师,是',
      '吴刚,未知,1990-13-02,不存在的学校,桥山中学党支部,正式党员,,,',
      '郑爽,女,2010-01-01,桥山中学,桥山中学党支部,预备党员,2026-01-01,,否',
    ];
    const head = await t.app.get<EventStore>(EVENT_STORE).headPosition();
    const preview = await upload(Buffer.from(`\uFEFF${rows.join('\r\n')}`), 'roster.csv');
    expect(preview.status).toBe(201);
    expect(preview.body.valid).toBe(false);
    expect(preview.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, column: '性别' }),
        expect.objectContaining({ row: 3, column: '出生日期' }),
        expect.objectContaining({
          row: 3,
          column: '所在单位',
          message: expect.objectContaining({ zh: '找不到单位“不存在的学校”' }),
        }),
        expect.objectContaining({
          row: 4,
          column: '入党时间',
          message: expect.objectContaining({ en: 'The member was under 18 when joining' }),
        }),
      ]),
    );
    const confirm = await t.request('POST', '/members/import/confirm', { token: preview.body.token });
    expect(confirm.status).toBe(422);
    expect(confirm.body.code).toBe('import.has-errors');
    expect(await t.app.get<EventStore>(EVENT_STORE).headPosition()).toBe(head);
  });

  test('import: a GB18030 CSV without errors enrols through commands; confirming again enrols nobody twice', async () => {
    const rows = [
      header,
      '冯雪,女,1992-02-03,桥山中学,桥山中学党支部,正式党员,2016/7/1,英语教师,是',
      '陈晨,男,1991-11-12,桥山中学,桥山中学党支部,预备党员,2026-06-30,,否',
    ];
    const preview = await upload(iconv.encode(rows.join('\r\n'), 'gb18030'), 'roster-gbk.csv');
    expect(preview.body).toMatchObject({ valid: true, errors: [], rows: 2 });
    expect(preview.body.sample[0]).toMatchObject({ name: '冯雪', joinedOn: '2016-07-01', teaches: true });
    expect((await t.request('POST', '/members/import/confirm', { token: preview.body.token })).body).toEqual({
      enrolled: 2,
      skipped: 0,
    });
    expect((await t.request('POST', '/members/import/confirm', { token: preview.body.token })).body).toEqual({
      enrolled: 0,
      skipped: 2,
    });
    const imported = await t.request('GET', `/members?filter=${encodeURIComponent('{"q":"冯雪"}')}`);
    expect(imported.body).toHaveLength(1);
  });

  test('import: an .xlsx file (the export of this very roster) is read', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员名册');
    sheet.addRow(header.split(','));
    sheet.addRow([
      '蒋文',
      '男',
      new Date(Date.UTC(1987, 3, 9)),
      '桥山中学',
      '桥山中学党支部',
      '正式党员',
      new Date(Date.UTC(2011, 6, 1)),
      '体育教师',
      '是',
    ]);
    const preview = await upload(Buffer.from(await workbook.xlsx.writeBuffer()), 'roster.xlsx');
    expect(preview.body).toMatchObject({
      valid: true,
      rows: 1,
      sample: [expect.objectContaining({ name: '蒋文', birthDate: '1987-04-09' })],
    });
  });

  test('a secretary sees and changes only its own organisation', async () => {
    await t.request('POST', '/users', {
      username: 'qiaoshan-sec',
      displayName: '桥山书记',
      password: USER_PASSWORD,
      role: 'secretary',
      orgIds: [ids.qiaoshanBranch],
    });
    const token = await t.login('qiaoshan-sec', USER_PASSWORD);
    const list = await t.requestAs(token, 'GET', '/members?range=[0,99]');
    expect(new Set(list.body.map((m: { orgName: string }) => m.orgName))).toEqual(new Set(['桥山中学党支部']));
    const other = await t.requestAs(token, 'POST', '/members', {
      name: '外人',
      gender: 'male',
      orgId: ids.host,
      unitId: ids.xinghua,
      category: 'full',
      teaches: false,
    });
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('access.out-of-scope');
  });
});
