import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { startTestApp, type TestApp } from '../../src/core/testing/test-app.js';
import { tinyPdf, tinyPng } from '../../src/evidence/demo-files.js';
import { EvidenceFacts } from '../../src/evidence/evidence.facts.js';
import { seedSchoolBranch } from '../support/roster.js';

const LIMIT = 200_000;

/**
 * Evidence over HTTP (issue 12 §4): uploads streamed and hashed into content-addressed files, with size
 * and type limits answered as clear 4xx; downloads by id within the caller's scope with UTF-8 names; the
 * archive by organisation and year with what is present and missing; its zip; withdrawal; C3.
 */
describe('evidence (e2e)', () => {
  let t: TestApp;
  let store: EventStore;
  const ids: Record<string, string> = {};
  const tokens: Record<string, string> = {};
  const pdf = tinyPdf('桥山中学2026年帮扶工作书面总结', 'summary 2026');

  const post = async (path: string, body: unknown) => {
    const response = await t.request('POST', path, body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  };
  const upload = async (
    fields: Record<string, string>,
    file: { bytes: Buffer; name: string; type?: string } | null,
    token = t.adminToken,
    headers: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file)
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/pdf' }), file.name);
    const response = await fetch(`${t.api}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...headers },
      body: form,
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read arbitrary JSON
    return { status: response.status, body: (await response.json()) as any };
  };
  const fieldsFor = (changes: Record<string, string> = {}) => ({
    subjectFeature: 'pairing',
    subjectKind: 'pairing',
    subjectId: 'pairing-1',
    orgId: ids.branch,
    year: '2026',
    category: 'year-end-summary',
    title: '桥山中学2026年帮扶工作书面总结',
    on: '2026-11-20',
    ...changes,
  });
  const head = async () => (await store.headPosition()).toString();
  const blobFiles = () => {
    const root = join(t.config.dataDir, 'evidence');
    return readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name));
  };
  const tempFiles = () => {
    const temp = join(t.config.dataDir, 'evidence', 'tmp');
    return existsSync(temp) ? readdirSync(temp) : [];
  };
  const get = (path: string, token = t.adminToken) =>
    fetch(`${t.api}${path}`, { headers: { authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    t = await startTestApp({ env: { EVIDENCE_MAX_FILE_BYTES: String(LIMIT) } });
    store = t.app.get(EVENT_STORE);
    Object.assign(ids, await seedSchoolBranch(post, { school: '桥山中学' }));
    ids.otherUnit = (await post('/units', { name: '城南学校', type: 'public_school' })).id;
    ids.otherBranch = (
      await post('/party-organizations', {
        name: '城南学校党支部',
        kind: 'party_branch',
        parentId: ids.bureau,
        unitIds: [ids.otherUnit],
        foundedOn: '2012-03-01',
      })
    ).id;
    ids.host = (
      await post('/party-organizations', {
        name: '教育局第一挂靠党支部',
        kind: 'affiliated_party_org',
        parentId: ids.bureau,
        foundedOn: '2019-09-01',
      })
    ).id;
    tokens.secretary = await t.userWithRole('secretary', { orgIds: [ids.branch] });
    tokens.otherSecretary = await t.userWithRole('secretary', { orgIds: [ids.otherBranch] });
    tokens.auditor = await t.userWithRole('auditor');
  });
  afterAll(async () => t.close());

  test('a PDF is filed: hashed, stored once by content, read back; the same bytes again share the file', async () => {
    const filed = await upload(fieldsFor(), { bytes: pdf, name: '2026年帮扶工作总结.pdf' }, tokens.secretary);
    expect(filed.status).toBe(201);
    const sha256 = (await import('node:crypto')).createHash('sha256').update(pdf).digest('hex');
    expect(filed.body).toMatchObject({
      id: expect.any(String),
      sha256,
      size: pdf.length,
      name: '2026年帮扶工作总结.pdf',
      mime: 'application/pdf',
      subject: { feature: 'pairing', kind: 'pairing', id: 'pairing-1' },
      orgId: ids.branch,
      orgName: '桥山中学党支部',
      year: 2026,
      category: 'year-end-summary',
      on: '2026-11-20',
      status: 'filed',
      events: [{ id: expect.any(String), type: 'EvidenceFiled' }],
    });
    ids.summary = filed.body.id;
    const [event] = await store.readStream(`evidence-${ids.summary}`);
    expect(event.metadata.unitIds).toEqual([ids.unit]);
    expect(event.metadata.occurredAt.startsWith('2026-11-19T16:00:00')).toBe(true); // 20 Nov, Asia/Shanghai

    const again = await upload(fieldsFor({ title: '副本' }), { bytes: pdf, name: '副本.pdf' });
    expect(again.status).toBe(201);
    expect(again.body.sha256).toBe(sha256);
    expect(blobFiles()).toEqual([join(t.config.dataDir, 'evidence', sha256.slice(0, 2), sha256.slice(2))]);
    ids.copy = again.body.id;
  });

  test('/api/docs describes the upload form: the file and its fields from the validating schema', async () => {
    const document = (await fetch(`${t.api}/docs-json`).then((r) => r.json())) as {
      paths: Record<string, { post: { requestBody: { content: Record<string, { schema: { properties: object } }> } } }>;
    };
    const form = document.paths['/api/evidence'].post.requestBody.content['multipart/form-data'].schema;
    expect(Object.keys(form.properties)).toEqual(
      expect.arrayContaining(['file', 'subjectFeature', 'subjectKind', 'subjectId', 'orgId', 'year', 'category', 'on']),
    );
  });

  test('download: the bytes, their type and the Chinese name as RFC 5987 UTF-8', async () => {
    const response = await get(`/evidence/${ids.summary}/download`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('2026年帮扶工作总结.pdf')}`,
    );
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await response.arrayBuffer()).equals(pdf)).toBe(true);
  });

  test('a file over the limit is a 413 naming the limit; a disallowed type a 415; nothing written or left', async () => {
    const before = await head();
    const big = Buffer.concat([pdf, Buffer.alloc(LIMIT)]);
    const tooLarge = await upload(fieldsFor(), { bytes: big, name: '大文件.pdf' });
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({
      code: 'evidence.too-large',
      field: 'file',
      messages: { zh: expect.stringContaining('0.2 MB'), en: expect.stringContaining('at most 0.2 MB') },
    });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    for (const [bytes, name] of [
      [zip, '资料.docx'],
      [zip, '资料.zip'],
      [Buffer.from('#!/bin/sh\necho hi\n'), '总结.pdf'],
      [Buffer.from('MZ\x90\x00\x03'), 'setup.exe'],
      [Buffer.alloc(0), '空.pdf'],
    ] as const) {
      const refused = await upload(fieldsFor(), { bytes, name });
      expect([name, refused.status, refused.body.code]).toEqual([name, 415, 'evidence.type-not-allowed']);
      expect(refused.body.messages.zh).toContain('PDF');
    }
    expect(await head()).toBe(before);
    expect(tempFiles()).toEqual([]);
    expect(blobFiles()).toHaveLength(1);
  });

  test('bad input: 4xx naming the field, bilingual; nothing appended; the temporary file removed', async () => {
    const before = await head();
    const file = { bytes: pdf, name: 'a.pdf' };
    const cases: [Record<string, string>, typeof file | null, number, string][] = [
      [fieldsFor({ category: 'secret-files' }), file, 400, 'category'],
      [fieldsFor({ year: 'next year' }), file, 400, 'year'],
      [fieldsFor({ year: '1800' }), file, 400, 'year'],
      [fieldsFor({ orgId: 'not-a-uuid' }), file, 400, 'orgId'],
      [fieldsFor({ subjectFeature: '../../etc' }), file, 400, 'subjectFeature'],
      [fieldsFor({ subjectId: '../passwd' }), file, 400, 'subjectId'],
      [fieldsFor({ on: '2026-02-30' }), file, 400, 'on'],
      [fieldsFor({ on: '2099-01-01' }), file, 422, 'on'],
      [fieldsFor({ orgId: '00000000-0000-4000-8000-000000000000' }), file, 422, 'orgId'],
      [{ ...fieldsFor(), extra: 'x' }, file, 400, 'extra'],
      [fieldsFor(), null, 400, 'file'],
    ];
    for (const [fields, withFile, status, field] of cases) {
      const refused = await upload(fields, withFile);
      expect([field, refused.status]).toEqual([field, status]);
      expect(refused.body.field ?? Object.keys(refused.body.fieldMessages ?? {})[0]).toBe(field);
      expect(refused.body.messages).toEqual({ zh: expect.any(String), en: expect.any(String) });
    }
    const json = await t.request('POST', '/evidence', { ...fieldsFor() });
    expect([json.status, json.body.field]).toEqual([400, 'file']);
    const twoFiles = new FormData();
    twoFiles.append('file', new Blob([new Uint8Array(pdf)]), 'a.pdf');
    twoFiles.append('file', new Blob([new Uint8Array(pdf)]), 'b.pdf');
    const two = await fetch(`${t.api}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${t.adminToken}` },
      body: twoFiles,
    });
    expect([two.status, ((await two.json()) as { code: string }).code]).toEqual([400, 'evidence.bad-upload']);
    expect(await head()).toBe(before);
    expect(tempFiles()).toEqual([]);
  });

  test('path tricks: a client path is never a path; only an id reaches a file', async () => {
    const sneaky = await upload(fieldsFor({ category: 'norm_org_life' }), {
      bytes: tinyPng(4, 4, [200, 10, 10]),
      name: '../../../etc/照片.png',
    });
    expect([sneaky.status, sneaky.body.name, sneaky.body.mime]).toEqual([201, '照片.png', 'image/png']);
    for (const path of [
      '/evidence/..%2F..%2Fconfig/download',
      '/evidence/not-an-id',
      `/evidence/${'a'.repeat(64)}/download`,
    ])
      expect([path, (await get(path)).status]).toEqual([path, 400]);
    expect((await get('/evidence/00000000-0000-4000-8000-000000000000/download')).status).toBe(404);
  });

  test('roles and scope: a secretary files and reads only their organisations; the auditor reads but does not file', async () => {
    const out = await upload(fieldsFor({ orgId: ids.otherBranch }), { bytes: pdf, name: 'x.pdf' }, tokens.secretary);
    expect([out.status, out.body.code]).toEqual([403, 'access.out-of-scope']);
    const noOrg = await upload(fieldsFor({ orgId: '' }), { bytes: pdf, name: 'x.pdf' }, tokens.secretary);
    expect([noOrg.status, noOrg.body.field]).toEqual([422, 'orgId']);
    expect((await get(`/evidence/${ids.summary}/download`, tokens.otherSecretary)).status).toBe(403);
    expect((await get(`/evidence/${ids.summary}`, tokens.otherSecretary)).status).toBe(403);
    const otherList = await t.requestAs(tokens.otherSecretary, 'GET', '/evidence');
    expect([otherList.status, otherList.body]).toEqual([200, []]);
    const ownList = await t.requestAs(tokens.secretary, 'GET', '/evidence');
    expect(ownList.body.map((row: { id: string }) => row.id)).toEqual(expect.arrayContaining([ids.summary, ids.copy]));
    expect((await get(`/evidence/${ids.summary}/download`, tokens.auditor)).status).toBe(200);
    const auditorUpload = await upload(fieldsFor(), { bytes: pdf, name: 'x.pdf' }, tokens.auditor);
    expect([auditorUpload.status, auditorUpload.body.code]).toEqual([403, 'access.denied']);
    const archive = await t.requestAs(tokens.otherSecretary, 'GET', `/evidence/archive/${ids.branch}/2026`);
    expect(archive.status).toBe(403);
    expect(tempFiles()).toEqual([]);
  });

  test('an instructor files their own stage summary (for no organisation, or one covering their unit), nothing else', async () => {
    const instructor = await t.userWithRole('instructor', { unitIds: [ids.unit] });
    const otherInstructor = await t.userWithRole('instructor', { unitIds: [ids.otherUnit] });
    const me = (await t.requestAs(instructor, 'GET', '/auth/me')).body.id as string;
    const own = (changes: Record<string, string>) =>
      fieldsFor({
        subjectFeature: 'instructors',
        subjectKind: 'instructor',
        subjectId: me,
        category: 'stage-summary',
        title: '指导员阶段性总结',
        ...changes,
      });
    const file = { bytes: tinyPdf('指导员阶段性总结', 'stage'), name: '阶段性总结.pdf' };
    const noOrg = await upload(own({ orgId: '' }), file, instructor);
    expect([noOrg.status, noOrg.body.orgId]).toEqual([201, null]);
    // The branch covers the instructor's unit (filed for 2025: the 2026 archive below stays as the tests left it).
    expect((await upload(own({ year: '2025', on: '2025-07-01' }), file, instructor)).status).toBe(201);
    const foreignOrg = await upload(own({ orgId: ids.otherBranch }), file, instructor);
    expect(foreignOrg.status).toBe(403);
    const someoneElse = await upload(own({ subjectId: 'someone-else' }), file, instructor);
    expect(someoneElse.status).toBe(403);
    const list = await t.requestAs(instructor, 'GET', '/evidence');
    expect(list.body.map((row: { id: string }) => row.id)).toContain(noOrg.body.id);
    expect((await t.requestAs(otherInstructor, 'GET', `/evidence/${noOrg.body.id}`)).status).toBe(403);
    const othersList = await t.requestAs(otherInstructor, 'GET', '/evidence');
    expect(othersList.body.map((row: { id: string }) => row.id)).not.toContain(noOrg.body.id);
    expect(tempFiles()).toEqual([]);
  });

  test('withdraw: with a reason, once; the file stays for audit but leaves the archive', async () => {
    const missing = await t.request('POST', `/evidence/${ids.copy}/withdraw`, {});
    expect([missing.status, missing.body.field]).toEqual([400, 'reason']);
    const foreign = await t.requestAs(tokens.otherSecretary, 'POST', `/evidence/${ids.copy}/withdraw`, {
      reason: '重复上传',
    });
    expect(foreign.status).toBe(403);
    const withdrawn = await t.request('POST', `/evidence/${ids.copy}/withdraw`, { reason: '重复上传' });
    expect([withdrawn.status, withdrawn.body.status, withdrawn.body.withdrawn?.reason]).toEqual([
      201,
      'withdrawn',
      '重复上传',
    ]);
    const twice = await t.request('POST', `/evidence/${ids.copy}/withdraw`, { reason: '再次' });
    expect([twice.status, twice.body.code]).toEqual([409, 'evidence.already-withdrawn']);
    expect((await get(`/evidence/${ids.copy}/download`)).status).toBe(200);
  });

  test('the archive says what is present and missing; a helper school needs its summary and the five norms', async () => {
    const archive = (await t.request('GET', `/evidence/archive/${ids.branch}/2026`)).body;
    expect(archive).toMatchObject({ profile: 'helper-school', year: 2026, ready: false });
    const entry = (category: string) => archive.entries.find((e: { category: string }) => e.category === category);
    expect(entry('year-end-summary')).toMatchObject({ required: true, present: true });
    expect(entry('year-end-summary').files.map((f: { id: string }) => f.id)).toEqual([ids.summary]);
    expect(entry('norm_org_life')).toMatchObject({ required: true, present: true });
    expect(archive.missing.map((m: { category: string }) => m.category)).toEqual([
      'norm_branch_setup',
      'norm_facilities',
      'norm_management_service',
      'norm_work_rules',
    ]);
    expect(archive.withdrawn.map((f: { id: string }) => f.id)).toEqual([ids.copy]);
    const bad = await t.request('GET', `/evidence/archive/${ids.branch}/abc`);
    expect([bad.status, bad.body.field]).toEqual([400, 'year']);
    expect((await t.request('GET', `/evidence/archive/00000000-0000-4000-8000-000000000000/2026`)).status).toBe(404);
  });

  test('the read door: what is on file per subject, organisation and year, with the events behind it', async () => {
    const facts = t.app.get(EvidenceFacts);
    const summaries = facts.filedFor(
      { feature: 'pairing', kind: 'pairing', id: 'pairing-1' },
      2026,
      'year-end-summary',
    );
    expect(summaries.map((f) => f.evidenceId)).toEqual([ids.summary]); // the withdrawn copy does not count
    const [filedEvent] = await store.readStream(`evidence-${ids.summary}`);
    expect(summaries[0]).toMatchObject({ eventId: filedEvent.id, on: '2026-11-20', orgId: ids.branch });
    expect(facts.countsByOrg(2026).filter((c) => c.orgId === ids.branch)).toEqual([
      { orgId: ids.branch, year: 2026, category: 'norm_org_life', files: 1, eventIds: [expect.any(String)] },
      { orgId: ids.branch, year: 2026, category: 'year-end-summary', files: 1, eventIds: [filedEvent.id] },
    ]);
    expect(facts.readiness(ids.branch, 2026)).toMatchObject({ profile: 'helper-school', ready: false });
    expect(facts.readiness('00000000-0000-4000-8000-000000000000', 2026)).toBeNull();
  });

  test('the archive as one zip: streamed, a folder per category with Chinese names flagged UTF-8, and a list', async () => {
    const response = await get(`/evidence/archive/${ids.branch}/2026/zip`, tokens.secretary);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('桥山中学党支部-2026年印证资料.zip')}`,
    );
    const zip = Buffer.from(await response.arrayBuffer());
    expect(zip.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))).toBe(true);
    const entries: { name: string; utf8: boolean }[] = [];
    // The central directory lists every entry: signature, then flags at +8, name length at +28, name at +46.
    for (let at = zip.indexOf('PK\x01\x02', 0, 'latin1'); at >= 0; at = zip.indexOf('PK\x01\x02', at + 4, 'latin1')) {
      const length = zip.readUInt16LE(at + 28);
      entries.push({
        name: zip.subarray(at + 46, at + 46 + length).toString('utf8'),
        utf8: (zip.readUInt16LE(at + 8) & 0x800) !== 0,
      });
    }
    expect(entries).toEqual([
      { name: '年度书面总结/2026年帮扶工作总结.pdf', utf8: true },
      { name: '组织生活正常化/照片.png', utf8: true },
      { name: '清单.csv', utf8: true },
    ]);
    expect(zip.includes(pdf)).toBe(true); // stored, not recompressed
    const outsider = await get(`/evidence/archive/${ids.branch}/2026/zip`, tokens.otherSecretary);
    expect(outsider.status).toBe(403);
  });

  test('C3: an affiliated organisation owes a stage summary per half-year until one is filed', async () => {
    const owed = async () =>
      (await t.request('GET', `/obligations?filter=${encodeURIComponent(JSON.stringify({ source: 'evidence' }))}`))
        .body as {
        id: string;
        code: string;
        orgId: string;
        dueOn: string;
      }[];
    const before = (await owed()).filter((o) => o.orgId === ids.host);
    expect(before.length).toBeGreaterThan(0);
    expect(before.every((o) => o.code === 'C3' && /-(06-30|12-31)$/.test(o.dueOn))).toBe(true);
    const latest = before
      .map((o) => o.dueOn)
      .sort()
      .at(-1)!;
    const year = latest.slice(0, 4);
    const half = latest.endsWith('06-30') ? 'H1' : 'H2';
    const on = half === 'H1' ? `${year}-03-01` : `${year}-08-01`;
    const filed = await upload(
      fieldsFor({
        subjectFeature: 'organizations',
        subjectKind: 'party-org',
        subjectId: ids.host,
        orgId: ids.host,
        year,
        category: 'stage-summary',
        title: '阶段性总结',
        on,
      }),
      { bytes: tinyPdf('阶段性总结', 'stage'), name: '阶段性总结.pdf' },
    );
    expect([filed.status, filed.body.half]).toEqual([201, half]);
    const after = (await owed()).filter((o) => o.orgId === ids.host).map((o) => o.id);
    expect(after).toEqual(before.filter((o) => o.dueOn !== latest).map((o) => o.id));
    const archive = (await t.request('GET', `/evidence/archive/${ids.host}/${year}`)).body;
    expect(archive.profile).toBe('affiliated');
    expect(archive.entries.find((e: { half: string }) => e.half === half)).toMatchObject({ present: true });
  });
});
