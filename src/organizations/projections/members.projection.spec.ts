import { describe, expect, test } from '@jest/globals';
import Database from 'better-sqlite3';
import type { RecordedEvent } from '../../core/messages.js';
import { memberIdOf } from '../../development/development.events.js';
import { getMember, membersProjection } from './members.projection.js';
import { partyOrgsProjection } from './party-orgs.projection.js';
import { unitsProjection } from './units.projection.js';

/** Issue 9: a probationary member past the end of probation is marked 逾期未转正, with the day it was due. */
const recorded = (type: string, data: object, position: number): RecordedEvent =>
  ({
    id: `e-${position}`,
    stream: 'test',
    revision: 0,
    position: BigInt(position),
    type,
    data,
    metadata: { recordedAt: '2026-01-01T00:00:00.000Z', occurredAt: '2026-01-01T00:00:00.000Z' },
    prevHash: null,
    hash: '',
  }) as unknown as RecordedEvent;

const enrolled = (memberId: string, joinedOn: string, position: number) =>
  recorded(
    'MemberEnrolled',
    {
      memberId,
      name: '陈晨',
      gender: 'female',
      birthDate: null,
      orgId: 'org-1',
      unitId: 'unit-1',
      category: 'probationary',
      joinedOn,
      post: null,
      teaches: true,
    },
    position,
  );

const roster = () => {
  const db = new Database(':memory:');
  for (const projection of [unitsProjection, partyOrgsProjection, membersProjection]) projection.init(db);
  return db;
};

describe('members read model: conversion due and overdue', () => {
  test('a year after joining; overdue once that day has passed, and only while probationary', () => {
    const db = roster();
    membersProjection.evolve(db, enrolled('m-1', '2024-06-21', 1));
    expect(getMember(db, 'm-1', '2025-06-21')).toMatchObject({
      conversionDueOn: '2025-06-21',
      conversionOverdue: false,
    });
    expect(getMember(db, 'm-1', '2025-06-22')).toMatchObject({ conversionOverdue: true });
    membersProjection.evolve(
      db,
      recorded('MemberCategoryChanged', { memberId: 'm-1', category: 'full', on: '2025-07-01' }, 2),
    );
    expect(getMember(db, 'm-1', '2025-07-02')).toMatchObject({ conversionDueOn: null, conversionOverdue: false });
  });

  test('an extended probation moves the due day, even when the extension was recorded before the enrolment', () => {
    const db = roster();
    const extension = {
      personId: 'p-1',
      on: '2025-07-01',
      outcome: 'extend',
      partyStandingFrom: null,
      probationEnd: '2026-01-21',
    };
    membersProjection.evolve(db, recorded('ConversionApproved', extension, 1));
    membersProjection.evolve(db, enrolled(memberIdOf('p-1'), '2024-07-21', 2));
    expect(getMember(db, memberIdOf('p-1'), '2025-12-01')).toMatchObject({
      conversionDueOn: '2026-01-21',
      conversionOverdue: false,
    });
  });
});
