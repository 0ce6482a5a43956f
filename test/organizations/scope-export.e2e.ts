import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';

/**
 * Party organisations and posts narrowed to what a secretary (its organisations and every one under
 * them) or an instructor (the organisations covering its units) sees; GET /positions/:id and the
 * posts' export; exports in Chinese or English (`lang`).
 */
describe('organisations and posts in scope, exports in zh and en (e2e)', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    expect([response.status, response.body]).toEqual([201, expect.anything()]);
    return response.body.id as string;
  };
  const org = (name: string, kind: string, parentId: string | null, unitIds: string[] = []) =>
    post('/party-organizations', { name, kind, parentId, unitIds, foundedOn: '2015-07-01' });
  const enrol = (name: string, unitId: string, orgId: string) =>
    post('/members', {
      name,
      gender: 'female',
      birthDate: '1985-03-02',
      orgId,
      unitId,
      category: 'full',
      joinedOn: '2010-07-01',
      teaches: true,
    });
  const names = (body: { name: string }[]) => body.map((o) => o.name).sort();
  const download = async (path: string, token = t.adminToken) => {
    const response = await fetch(`${t.api}${path}`, { headers: { authorization: `Bearer ${token}` } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const csvLines = (bytes: Buffer) => {
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    return bytes.subarray(3).toString('utf8').trim().split('\r\n');
  };

  beforeAll(async () => {
    t = await startTestApp();
    ids.qiaoshan = await post('/units', { name: '桥山中学', type: 'public_school' });
    ids.qiaoshanJunior = await post('/units', { name: '桥山中学初中部', type: 'public_school' });
    ids.donghuai = await post('/units', { name: '东槐院小学', type: 'public_school' });
    ids.mengyuan = await post('/units', { name: '梦圆幼儿园', type: 'private_kindergarten' });
    ids.bureau = await org('中共蒲城县教育局委员会', 'basic_party_committee', null);
    ids.general = await org('桥山中学党总支', 'general_branch', ids.bureau, [ids.qiaoshan]);
    ids.sub = await org('桥山中学初中部党支部', 'party_branch', ids.general, [ids.qiaoshanJunior]);
    ids.group = await org('桥山中学初中部第一党支部', 'party_branch', ids.sub);
    ids.donghuaiBranch = await org('东槐院小学党支部', 'party_branch', ids.bureau, [ids.donghuai]);
    ids.host = await org('教育局第一挂靠党支部', 'affiliated_party_org', ids.bureau);
    await t.request('POST', `/units/${ids.mengyuan}/affiliation`, { hostOrgId: ids.host, on: '2020-01-01' });

    ids.zhao = await enrol('赵敏', ids.qiaoshanJunior, ids.sub);
    ids.qian = await enrol('钱芳', ids.donghuai, ids.donghuaiBranch);
    ids.subSecretary = await post(`/party-organizations/${ids.sub}/positions`, {
      memberId: ids.zhao,
      title: 'branch_secretary',
      from: '2024-09-01',
      crossAppointment: '副校长',
    });
    ids.donghuaiSecretary = await post(`/party-organizations/${ids.donghuaiBranch}/positions`, {
      memberId: ids.qian,
      title: 'branch_secretary',
      from: '2023-03-01',
    });

    tokens.secretary = await t.userWithRole('secretary', { orgIds: [ids.general] });
    tokens.instructor = await t.userWithRole('instructor', { unitIds: [ids.mengyuan, ids.donghuai] });
    tokens.staff = await t.userWithRole('bureau_staff');
  });
  afterAll(async () => t.close());

  test('a secretary sees its organisation and every one under it; an instructor those covering its units', async () => {
    const mine = await t.requestAs(tokens.secretary, 'GET', '/party-organizations');
    expect(mine.status).toBe(200);
    expect(names(mine.body)).toEqual(['桥山中学党总支', '桥山中学初中部党支部', '桥山中学初中部第一党支部'].sort());
    expect(mine.headers.get('content-range')).toBe('party-organizations 0-2/3');
    // Filters still apply inside the scope.
    const children = await t.requestAs(
      tokens.secretary,
      'GET',
      `/party-organizations?filter=${encodeURIComponent(JSON.stringify({ parentId: ids.bureau }))}`,
    );
    expect(names(children.body)).toEqual(['桥山中学党总支']);

    const instructor = await t.requestAs(tokens.instructor, 'GET', '/party-organizations');
    expect(names(instructor.body)).toEqual(['东槐院小学党支部', '教育局第一挂靠党支部'].sort());

    for (const token of [t.adminToken, tokens.staff]) {
      expect((await t.requestAs(token, 'GET', '/party-organizations')).body).toHaveLength(6);
    }
  });

  test('one organisation outside the scope is 403 access.out-of-scope in zh and en; unknown is 404', async () => {
    expect((await t.requestAs(tokens.secretary, 'GET', `/party-organizations/${ids.group}`)).status).toBe(200);
    const parent = await t.requestAs(tokens.secretary, 'GET', `/party-organizations/${ids.bureau}`);
    expect(parent.status).toBe(403);
    expect(parent.body).toMatchObject({
      statusCode: 403,
      code: 'access.out-of-scope',
      messages: { zh: '该党组织不在您的负责范围内', en: 'This Party organisation is outside your scope' },
    });
    expect((await t.requestAs(tokens.instructor, 'GET', `/party-organizations/${ids.host}`)).status).toBe(200);
    expect((await t.requestAs(tokens.instructor, 'GET', `/party-organizations/${ids.general}`)).status).toBe(403);
    const missing = await t.requestAs(
      tokens.secretary,
      'GET',
      '/party-organizations/00000000-0000-4000-8000-000000000000',
    );
    expect(missing.status).toBe(404);
    expect((await t.requestAs(tokens.secretary, 'GET', '/party-organizations/not-an-id')).status).toBe(400);
  });

  test('the organisations export holds only what the user sees, in Chinese by default', async () => {
    const { response, bytes } = await download('/party-organizations/export', tokens.secretary);
    expect(response.status).toBe(200);
    const lines = csvLines(bytes);
    expect(lines[0]).toBe('名称,类型,上级党组织,成立日期,本届任期开始,本届任期届满,覆盖单位数');
    expect(lines.slice(1).sort()).toEqual(
      [
        // The parent is named even where the secretary may not open it (issue 9).
        '桥山中学党总支,党总支,中共蒲城县教育局委员会,2015-07-01,,,1',
        '桥山中学初中部党支部,党支部,桥山中学党总支,2015-07-01,,,1',
        '桥山中学初中部第一党支部,党支部,桥山中学初中部党支部,2015-07-01,,,0',
      ].sort(),
    );
  });

  test('posts: the list and GET /positions/:id follow the organisations in scope', async () => {
    const mine = await t.requestAs(tokens.secretary, 'GET', '/positions');
    expect(mine.body).toEqual([
      expect.objectContaining({ id: ids.subSecretary, orgName: '桥山中学初中部党支部', memberName: '赵敏' }),
    ]);
    expect(mine.headers.get('content-range')).toBe('positions 0-0/1');
    expect((await t.requestAs(tokens.instructor, 'GET', '/positions')).body).toEqual([
      expect.objectContaining({ id: ids.donghuaiSecretary }),
    ]);
    expect((await t.request('GET', '/positions')).body).toHaveLength(2);

    const one = await t.requestAs(tokens.secretary, 'GET', `/positions/${ids.subSecretary}`);
    expect(one.status).toBe(200);
    expect(one.body).toEqual({
      id: ids.subSecretary,
      orgId: ids.sub,
      orgName: '桥山中学初中部党支部',
      memberId: ids.zhao,
      memberName: '赵敏',
      title: 'branch_secretary',
      from: '2024-09-01',
      to: null,
      crossAppointment: '副校长',
    });
    const outside = await t.requestAs(tokens.secretary, 'GET', `/positions/${ids.donghuaiSecretary}`);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('access.out-of-scope');
    expect((await t.request('GET', `/positions/${ids.donghuaiSecretary}`)).status).toBe(200);
    const missing = await t.request('GET', '/positions/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.messages).toMatchObject({ zh: expect.stringContaining('职务'), en: expect.any(String) });
    expect((await t.request('GET', '/positions/nope')).status).toBe(400);
  });

  test('posts export: CSV in Chinese with a BOM, scoped; xlsx in English that exceljs opens', async () => {
    const { response, bytes } = await download('/positions/export?format=csv', tokens.secretary);
    expect(response.headers.get('content-type')).toContain('text/csv');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('职务-'));
    const lines = csvLines(bytes);
    expect(lines).toEqual([
      '党组织,姓名,职务,交叉任职,任职日期,免职日期',
      '桥山中学初中部党支部,赵敏,书记,副校长,2024-09-01,',
    ]);

    const xlsx = await download(
      `/positions/export?format=xlsx&lang=en&sort=${encodeURIComponent('["orgName","ASC"]')}`,
    );
    expect(xlsx.response.headers.get('content-type')).toContain('spreadsheetml');
    expect(xlsx.response.headers.get('content-disposition')).toContain('Posts-');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe('Posts');
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Party organisation',
      'Name',
      'Post',
      'Cross appointment',
      'From',
      'To',
    ]);
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(2).getCell(1).value).toBe('东槐院小学党支部');
    expect(sheet.getRow(2).getCell(3).value).toBe('Secretary');
  });

  test('every export speaks English with lang=en: headers, enumerated values and yes/no', async () => {
    const units = csvLines(
      (await download(`/units/export?lang=en&filter=${encodeURIComponent('{"q":"梦圆"}')}`)).bytes,
    );
    expect(units).toEqual([
      'Name,Type,District,Central school,Full members,Needs its own organisation,Needs a branch committee',
      '梦圆幼儿园,Private kindergarten,,,0,No,No',
    ]);
    const orgs = csvLines(
      (await download(`/party-organizations/export?lang=en&filter=${encodeURIComponent('{"q":"挂靠"}')}`)).bytes,
    );
    expect(orgs).toEqual([
      'Name,Kind,Parent organisation,Founded on,Term start,Term end,Units covered',
      '教育局第一挂靠党支部,Affiliated Party organisation,中共蒲城县教育局委员会,2015-07-01,,,0',
    ]);
    const members = csvLines((await download('/members/export?lang=en&sort=["name","ASC"]')).bytes);
    expect(members[0]).toBe('Name,Gender,Birth date,Unit,Party organisation,Category,Joined on,Post,Teaches,ID');
    expect(members).toContain(
      `赵敏,Female,1985-03-02,桥山中学初中部,桥山中学初中部党支部,Full member,2010-07-01,,Yes,${ids.zhao}`,
    );
    const chinese = csvLines((await download('/members/export?lang=zh-CN')).bytes);
    expect(chinese[0]).toBe('姓名,性别,出生日期,所在单位,所属党组织,党员类别,入党时间,职务岗位,是否任课教师,编号');
  });

  test('the English roster export imports back: every row is recognised as already on the roster', async () => {
    const { bytes } = await download('/members/export?format=xlsx&lang=en');
    const form = new FormData();
    form.append('file', new Blob([bytes]), 'members-en.xlsx');
    const response = await fetch(`${t.api}/members/import/preview`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${t.adminToken}` },
    });
    const preview = (await response.json()) as { valid: boolean; errors: unknown[]; rows: number };
    expect(preview).toMatchObject({ valid: true, errors: [], rows: 2, newRows: 0, existingRows: 2 });
  });

  test('a wrong format or language is a 400 naming each field, in zh and en', async () => {
    const lang = await t.request('GET', '/positions/export?lang=fr');
    expect(lang.status).toBe(400);
    expect(lang.body).toMatchObject({ code: 'validation.failed', field: 'lang' });
    expect(lang.body.fieldMessages.lang).toEqual({
      zh: '导出语言应为 zh（中文）或 en（英文）',
      en: 'lang must be zh (Chinese) or en (English)',
    });
    const both = await t.request('GET', '/units/export?format=pdf&lang=de');
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.errors).sort()).toEqual(['format', 'lang']);
    const repeated = await t.request('GET', '/members/export?lang=en&lang=zh');
    expect(repeated.status).toBe(400);
    expect(repeated.body.field).toBe('lang');
  });
});
