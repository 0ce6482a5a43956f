import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../core/messages.js';
import { statement } from '../../core/projections/projection.js';
import { monthGrid } from './month-grid.js';
import { orglifeBranchesProjection } from './orglife-branches.projection.js';
import { orglifeCalendarProjection } from './orglife-calendar.projection.js';
import { orglifeMeetingsProjection } from './orglife-meetings.projection.js';

let position = 0;
const recorded = (type: string, data: object, recordedAt: string): RecordedEvent =>
  ({
    id: `e-${++position}`,
    stream: 'test',
    revision: 0,
    position: BigInt(position),
    type,
    data,
    metadata: { recordedAt, occurredAt: recordedAt, unitIds: ['u-1'] },
    prevHash: null,
    hash: '',
  }) as unknown as RecordedEvent;

const projections = [orglifeBranchesProjection, orglifeMeetingsProjection, orglifeCalendarProjection];
const apply = (db: Database.Database, event: RecordedEvent) => {
  for (const p of projections) if (p.handles.includes('*') || p.handles.includes(event.type)) p.evolve(db, event);
};
const held = (id: string, kind: string, heldOn: string, quorate: boolean | null, recordedAt: string) =>
  recorded(
    'OrgLifeMeetingRecorded',
    {
      meetingId: id,
      orgId: 'org-1',
      kind,
      heldOn,
      topic: '学习',
      attendance: { present: ['m-1'], absentWithLeave: [], absent: [] },
      quorum:
        quorate === null
          ? null
          : { entitled: 2, present: quorate ? 2 : 1, probationaryPresent: 0, required: 2, quorate },
      lecturers: [],
      lessonGroup: null,
    },
    recordedAt,
  );

const county = () => {
  const db = new Database(':memory:');
  for (const p of projections) p.init(db);
  apply(
    db,
    recorded(
      'PartyOrganizationFounded',
      {
        orgId: 'org-1',
        name: '桥山中学党支部',
        kind: 'party_branch',
        parentId: null,
        unitIds: ['u-1'],
        foundedOn: '2010-01-01',
      },
      '2026-01-02T00:00:00.000Z',
    ),
  );
  return db;
};

describe('the calendar of periods B1–B7 are owed in', () => {
  test('from the first meeting on record to the latest day anything was recorded', () => {
    const db = county();
    apply(db, held('a', 'theme_party_day', '2026-05-10', null, '2026-08-20T02:00:00.000Z'));
    const periods = statement(
      db,
      'SELECT period, starts_on AS startsOn, ends_on AS endsOn FROM orglife_periods ORDER BY period',
    ).all();
    expect(periods).toEqual([
      { period: '2026', startsOn: '2026-01-01', endsOn: '2026-12-31' },
      { period: '2026-05', startsOn: '2026-05-01', endsOn: '2026-05-31' },
      { period: '2026-06', startsOn: '2026-06-01', endsOn: '2026-06-30' },
      { period: '2026-07', startsOn: '2026-07-01', endsOn: '2026-07-31' },
      { period: '2026-08', startsOn: '2026-08-01', endsOn: '2026-08-31' },
      { period: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' },
      { period: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' },
    ]);
  });

  test('an old meeting entered for the archive opens no obligations before last year', () => {
    const db = county();
    apply(db, held('a', 'theme_party_day', '2019-05-10', null, '2026-08-20T02:00:00.000Z'));
    const first = statement(db, 'SELECT min(starts_on) AS first FROM orglife_periods').get();
    expect(first).toEqual({ first: '2025-01-01' });
    const grid = monthGrid(db, 'org-1', 2019, '2026-08-20')!;
    expect(grid.rows.find((r) => r.code === 'B5')!.cells.every((c) => ['held', 'untracked'].includes(c.status))).toBe(
      true,
    );
  });
});

describe('the month grid', () => {
  test('a quarter met by one general meeting; one short of its quorum meets nothing', () => {
    const db = county();
    apply(db, held('a', 'branch_general_meeting', '2026-04-20', true, '2026-08-20T02:00:00.000Z'));
    apply(db, held('b', 'branch_general_meeting', '2026-07-15', false, '2026-08-20T02:00:00.000Z'));
    const grid = monthGrid(db, 'org-1', 2026, '2026-08-20')!;
    const general = grid.rows.find((r) => r.kind === 'branch_general_meeting')!;
    expect(general.periods.map((p) => [p.period, p.status])).toEqual([
      ['2026-Q1', 'untracked'],
      ['2026-Q2', 'held'],
      ['2026-Q3', 'due'],
      ['2026-Q4', 'future'],
    ]);
    expect(general.cells.slice(3, 9).map((c) => c.status)).toEqual([
      'held',
      'covered',
      'covered',
      'open',
      'open',
      'due',
    ]);
    expect(general.cells[6]).toMatchObject({ held: 0, notQuorate: 1, meetingIds: ['b'] });
    const themeDay = grid.rows.find((r) => r.kind === 'theme_party_day')!;
    expect(themeDay.cells.slice(2, 8).map((c) => c.status)).toEqual([
      'untracked',
      'missing',
      'missing',
      'missing',
      'missing',
      'due',
    ]);
    // No committee elected: B2 is not owed; the roster knows no groups: nor is B3.
    expect(grid.rows.find((r) => r.code === 'B2')!.cells.every((c) => c.status === 'not-owed')).toBe(true);
    expect(grid.rows.find((r) => r.code === 'B3')!.cells.every((c) => c.status === 'not-owed')).toBe(true);
  });

  test('a committee owes its monthly meeting from its election on', () => {
    const db = county();
    apply(
      db,
      recorded(
        'CommitteeElected',
        { orgId: 'org-1', termStart: '2026-06-10', termEnd: '2029-06-09' },
        '2026-06-10T02:00:00.000Z',
      ),
    );
    apply(db, held('a', 'theme_party_day', '2026-03-10', null, '2026-08-20T02:00:00.000Z'));
    const committee = monthGrid(db, 'org-1', 2026, '2026-08-20')!.rows.find((r) => r.code === 'B2')!;
    expect(committee.cells.slice(4, 8).map((c) => c.status)).toEqual(['not-owed', 'missing', 'missing', 'due']);
  });
});
