import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import ExcelJS from 'exceljs';
import { EVENT_STORE, type EventStore } from '../../src/core/event-store/event-store.js';
import { assembleFeatures } from '../../src/core/feature.js';
import { ManualClock } from '../../src/core/time/clock.js';
import type { TestApp } from '../../src/core/testing/test-app.js';
import { FEATURES } from '../../src/features.js';
import { exitWithin, runNode } from '../support/processes.js';
import { visitRecordedLate, visitRules } from './scenario.js';

const filter = (value: object) => `filter=${encodeURIComponent(JSON.stringify(value))}`;

/**
 * Auditors replay a unit (issue 15): its timeline across streams with content and correlation, its score as of
 * a business date and as known at a record time (a visit on 12 October recorded on 20 October), the diff of two
 * points, the export, the record of every read, and no write anywhere.
 */
describe('audit: timeline, as of / as known at, diff, export, reads recorded (e2e)', () => {
  const clock = new ManualClock('2026-10-05T02:00:00.000Z');
  let t: TestApp;
  let store: EventStore;
  let ids: { unit: string; bureau: string; branch: string };
  let auditor = '';
  let instructor = '';
  const head = async () => (await store.headPosition()).toString();
  const asAuditor = (path: string) => t.requestAs(auditor, 'GET', path);

  beforeAll(async () => {
    ({ t, ids, instructor, auditor } = await visitRecordedLate(clock));
    store = t.app.get<EventStore>(EVENT_STORE);
  }, 120_000);
  afterAll(async () => t?.close());

  test('a visit on 12 October recorded on 20 October is in "as of 15 October", not in "as known at 15 October"', async () => {
    const asOf = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&asOf=2026-10-15`);
    expect(asOf.status).toBe(200);
    expect(asOf.body).toMatchObject({
      asOf: '2026-10-15',
      version: { version: 1, effectiveOn: '2026-01-01' },
      state: { name: '桥山中学', type: 'public_school' },
      score: { total: 10, grade: { id: 'good' } },
    });
    const visitLine = asOf.body.score.sections[0].items.find(
      (item: { indicator: string }) => item.indicator === 'visits',
    );
    expect(visitLine.events.map((e: { occurredOn: string }) => e.occurredOn)).toEqual(['2026-09-20', '2026-10-12']);
    const known = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&knownAt=2026-10-15`);
    expect(known.body).toMatchObject({ asOf: '2026-10-15', score: { total: 5, grade: { id: 'lagging' } } });
    expect(known.body.eventCount).toBe(asOf.body.eventCount - 1);
    // An instant of record time and a global position say the same.
    const instant = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&knownAt=2026-10-19T23:59:59%2B08:00`);
    expect(instant.body.score.total).toBe(5);
    const atPosition = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&position=${known.body.lastPosition}`);
    expect([atPosition.body.score.total, atPosition.body.eventCount]).toEqual([5, known.body.eventCount]);
    // As of a business date before the visits: none counted.
    const early = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&asOf=2026-09-19`);
    expect(early.body.score.total).toBe(0);
  });

  test('the rules in force then: a version published later does not score "as known" before it', async () => {
    await t.request('POST', '/assessment/rulesets/2026/draft', { body: visitRules(4), expectedRevision: 1 });
    const published = await t.request('POST', '/assessment/rulesets/2026/publish', { effectiveOn: '2026-10-01' });
    expect(published.status).toBe(201);
    const now = await asAuditor(`/audit/units/${ids.unit}/score?year=2026`);
    expect(now.body).toMatchObject({ version: { version: 2 }, score: { total: 8 } });
    const before = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&knownAt=2026-10-19`);
    expect(before.body).toMatchObject({ version: { version: 1 }, score: { total: 5 } });
    // As of September (business time): version 2 is not in force yet then, version 1 is.
    const september = await asAuditor(`/audit/units/${ids.unit}/score?year=2026&asOf=2026-09-30`);
    expect(september.body).toMatchObject({ version: { version: 1 }, score: { total: 5 } });
  });

  test('the diff of two points: the events added and the score lines changed, by how much', async () => {
    const diff = await asAuditor(
      `/audit/units/${ids.unit}/diff?year=2026&fromKnownAt=2026-10-15&toKnownAt=2026-10-20T12:00:00%2B08:00`,
    );
    expect(diff.status).toBe(200);
    expect(diff.body.added.map((e: { type: string }) => e.type)).toEqual(['InstructorVisitLogged']);
    expect(diff.body.removed).toEqual([]);
    // Version 2 (4 points a visit) was published on 20 October at 10:00, before the second point: both count.
    expect(diff.body.version).toMatchObject({ from: { version: 1 }, to: { version: 2 } });
    expect(diff.body.total).toEqual({ from: 5, to: 8, change: 3 });
    expect(diff.body.lines).toEqual([
      expect.objectContaining({
        indicator: 'visits',
        period: '2026',
        from: 5,
        to: 8,
        change: 3,
        eventsAdded: [diff.body.added[0].id],
      }),
    ]);
    const bad = await asAuditor(`/audit/units/${ids.unit}/diff?fromAsOf=2026-13-01&toKnownAt=yesterday`);
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fieldMessages).sort()).toEqual(['fromAsOf', 'toKnownAt']);
  });

  test('the timeline: every stream touching the unit, in words, with actor, command and correlation; filters and pages', async () => {
    const all = await asAuditor(`/audit/units/${ids.unit}/timeline?range=[0,99]`);
    expect(all.status).toBe(200);
    const types = all.body.map((line: { type: string }) => line.type);
    expect(types).toEqual(expect.arrayContaining(['UnitRegistered', 'InstructorDispatched', 'InstructorVisitLogged']));
    // Newest first; the rules' and the users' streams do not name the unit.
    expect(types[0]).toBe('InstructorVisitLogged');
    expect(types).not.toContain('RuleSetPublished');
    const [visit] = all.body;
    expect(visit).toMatchObject({
      actorId: 'zhidao-li',
      actorName: '李指导',
      feature: 'instructors',
      stream: 'instructor-zhidao-li',
      data: { visitedOn: '2026-10-12', note: '走访 2026-10-12' },
      names: { [`unit:${ids.unit}`]: '桥山中学' },
    });
    expect(visit.commandId).toEqual(expect.any(String));
    expect(visit.correlationId).toEqual(expect.any(String));
    // What else the request that registered the unit did: its correlation.
    const registered = all.body.find((line: { type: string }) => line.type === 'UnitRegistered');
    const correlated = await asAuditor(
      `/audit/units/${ids.unit}/timeline?${filter({ correlationId: registered.correlationId })}`,
    );
    expect(correlated.body.map((line: { id: string }) => line.id)).toContain(registered.id);
    // The request that registered the unit also claimed its name (another stream, the same correlation).
    expect(registered.correlated.map((other: { type: string }) => other.type)).toContain('NameClaimed');
    for (const other of registered.correlated) expect(other.id).not.toBe(registered.id);

    const byFeature = await asAuditor(`/audit/units/${ids.unit}/timeline?${filter({ feature: 'instructors' })}`);
    expect(new Set(byFeature.body.map((line: { feature: string }) => line.feature))).toEqual(new Set(['instructors']));
    const byType = await asAuditor(`/audit/units/${ids.unit}/timeline?${filter({ type: ['InstructorVisitLogged'] })}`);
    expect(byType.body).toHaveLength(2);
    const byActor = await asAuditor(`/audit/units/${ids.unit}/timeline?${filter({ actorId: 'zhidao-li' })}`);
    expect(byActor.body).toHaveLength(2);
    const byDate = await asAuditor(
      `/audit/units/${ids.unit}/timeline?${filter({ from: '2026-10-01', to: '2026-10-31' })}`,
    );
    expect(byDate.body.map((line: { data: { visitedOn: string } }) => line.data.visitedOn)).toEqual(['2026-10-12']);
    const page = await asAuditor(`/audit/units/${ids.unit}/timeline?range=[1,2]`);
    expect(page.headers.get('content-range')).toBe(`audit-timeline 1-2/${all.body.length}`);
    expect(page.body.map((line: { id: string }) => line.id)).toEqual(
      all.body.slice(1, 3).map((l: { id: string }) => l.id),
    );
    const bad = await asAuditor(`/audit/units/${ids.unit}/timeline?${filter({ feature: 'nothing' })}`);
    expect([bad.status, bad.body.field]).toEqual([400, 'filter.feature']);
    expect((await asAuditor('/audit/units/99999999-9999-4999-8999-999999999999/timeline')).status).toBe(404);
    // The activity log carries the same content and correlation.
    const log = await asAuditor(`/activity?${filter({ type: 'InstructorVisitLogged' })}`);
    expect(log.body[0]).toMatchObject({ data: { visitedOn: '2026-10-12' }, correlationId: visit.correlationId });
  });

  test('the export: .xlsx with named sheets, widths and dates as dates; printable HTML; the verification status', async () => {
    const response = await fetch(`${t.api}/audit/units/${ids.unit}/export?year=2026&format=xlsx`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    expect(book.worksheets.map((sheet) => sheet.name)).toEqual(['概要', '得分说明', '逐月得分', '事件']);
    const events = book.getWorksheet('事件')!;
    expect(events.getColumn(6).width).toBeGreaterThan(40);
    const rows = events.getSheetValues().filter(Boolean) as unknown[][];
    const visitRow = rows.find((row) => row[4] === '记录指导员到单位指导' && String(row[6]).includes('2026-10-12'));
    expect(visitRow).toBeDefined();
    expect(visitRow![2]).toBeInstanceOf(Date);
    expect(String(visitRow![6])).toContain('走访 2026-10-12');
    const summary = book.getWorksheet('概要')!;
    expect(summary.getCell('B2').value).toBe('桥山中学');
    expect(summary.getCell('B6').value).toMatch(/未校验|校验通过|校验未通过/);
    const explanation = book.getWorksheet('得分说明')!;
    expect(JSON.stringify(explanation.getSheetValues())).toContain('指导员到校指导');
    const html = await fetch(`${t.api}/audit/units/${ids.unit}/export?year=2026&format=html`, {
      headers: { authorization: `Bearer ${auditor}` },
    });
    expect(html.headers.get('content-type')).toContain('text/html');
    const text = await html.text();
    expect(text).toContain('@page');
    expect(text).toContain('桥山中学');
    expect(text).toContain('data-testid="verification"');
    const bad = await asAuditor(`/audit/units/${ids.unit}/export?format=pdf`);
    expect([bad.status, bad.body.field]).toEqual([400, 'format']);
  });

  test('every read of an audit endpoint is recorded (who, what, when) and listed for the bureau only', async () => {
    const before = await head();
    await asAuditor(`/audit/units/${ids.unit}/score?year=2026&asOf=2026-10-01`);
    expect(BigInt(await head())).toBe(BigInt(before) + 1n);
    const [event] = await store.readAll({ after: BigInt(before) });
    expect(event).toMatchObject({
      type: 'AuditViewed',
      stream: 'auditReads-2026-10',
      data: { view: 'score', unitId: ids.unit, year: 2026, query: { asOf: '2026-10-01' } },
      metadata: { actorRole: 'auditor', unitIds: [] },
    });
    // A refused read (bad input) writes nothing.
    const refused = await asAuditor(`/audit/units/${ids.unit}/score?asOf=15%20October`);
    expect([refused.status, refused.body.field]).toEqual([400, 'asOf']);
    expect(refused.body.messages.zh).toMatch(/日期/);
    expect(BigInt(await head())).toBe(BigInt(before) + 1n);
    const reads = await t.request('GET', `/audit/reads?${filter({ unitId: ids.unit, view: ['score'] })}`);
    expect(reads.status).toBe(200);
    expect(reads.body[0]).toMatchObject({
      view: 'score',
      unitName: '桥山中学',
      actorRole: 'auditor',
      query: { asOf: '2026-10-01' },
    });
    expect(reads.body[0].readAt).toBe('2026-10-20T02:00:00.000Z');
    const badDay = await t.request('GET', `/audit/reads?${filter({ from: '2026-10-32' })}`);
    expect([badDay.status, badDay.body.field]).toEqual([400, 'filter.from']);
    const day = await t.request('GET', `/audit/reads?${filter({ from: '2026-10-20', to: '2026-10-20' })}`);
    expect(day.body.length).toBeGreaterThan(0);
    expect((await asAuditor('/audit/reads')).status).toBe(403);
    expect((await t.requestAs(instructor, 'GET', `/audit/units/${ids.unit}/timeline`)).status).toBe(403);
  });

  test('auditors read everything and write nothing: no write action anywhere in the role matrix', () => {
    const { permissions } = assembleFeatures(FEATURES);
    const writes = Object.entries(permissions).flatMap(([resource, actions]) =>
      Object.entries(actions)
        .filter(([action, roles]) => !['list', 'show', 'export'].includes(action) && roles?.includes('auditor'))
        .map(([action]) => `${resource}.${action}`),
    );
    // Their own account only: signing out and changing their own password.
    expect(writes).toEqual(['account.edit']);
    expect(permissions['audit-units']).toMatchObject({ show: expect.arrayContaining(['auditor']) });
  });

  test('the replay CLI prints the state and the score as of a date, and as known at a record time (built app)', async () => {
    const run = async (...args: string[]) => {
      const cli = runNode('cli.js', ['replay', '--unit', ids.unit, '--year', '2026', ...args], {
        DATA_DIR: t.config.dataDir,
      });
      expect(await exitWithin(cli, 60_000)).toBe(0);
      return cli.output();
    };
    const asOf = await run('--as-of', '2026-10-15');
    expect(asOf).toContain('桥山中学');
    expect(asOf).toContain('记录指导员到单位指导 InstructorVisitLogged: 2');
    expect(asOf).toMatch(/总分 Total: 8\b/);
    const known = await run('--as-of', '2026-10-15', '--known-at', '2026-10-15');
    expect(known).toContain('InstructorVisitLogged: 1');
    expect(known).toMatch(/细则 Rules: v1\b/);
    expect(known).toMatch(/总分 Total: 5\b/);
    // Not a terminal: no progress bar in the output.
    expect(known).not.toContain('█');
    const refused = runNode('cli.js', ['replay', '--unit', ids.unit, '--as-of', '15 October'], {
      DATA_DIR: t.config.dataDir,
    });
    expect(await exitWithin(refused, 60_000)).toBe(1);
    expect(refused.output()).toContain('asOf');
  }, 120_000);
});
