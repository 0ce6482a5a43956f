import { describe, expect, test } from '@jest/globals';
import type { RecordedEvent } from '../../core/messages.js';
import { memberIdOf, probationaryMembershipPolicy as policy } from './probationary-membership.policy.js';

const PERSON = '5d0a3a63-6a0e-4b6c-9d1b-2f4e8c1d7a10';
const recorded = (type: string, data: object, id = 'e-1'): RecordedEvent =>
  ({
    id,
    stream: `development-${PERSON}`,
    revision: 17,
    position: 42n,
    type,
    data: { personId: PERSON, ...data },
  }) as RecordedEvent;

describe('probationary membership policy (react is pure)', () => {
  test('an approved admission asks to enrol the person, keyed by the person', () => {
    const event = recorded('AdmissionApproved', {
      on: '2025-07-10',
      probationStart: '2025-06-16',
      probationEnd: '2026-06-16',
    });
    expect(policy.react(event)).toEqual([
      { name: 'enrol-probationary-member', id: `enrol-probationary-member.${PERSON}`, data: { personId: PERSON } },
    ]);
    expect(policy.react(event)).toEqual(policy.react(event));
  });

  test('an approved conversion asks to convert; a cancellation to remove; an extension asks nothing', () => {
    const approved = (outcome: string) => policy.react(recorded('ConversionApproved', { on: '2026-07-06', outcome }));
    expect(approved('convert')).toEqual([
      { name: 'convert-probationary-member', id: `convert-probationary-member.${PERSON}`, data: { personId: PERSON } },
    ]);
    expect(approved('cancel')).toEqual([
      { name: 'cancel-probationary-member', id: `cancel-probationary-member.${PERSON}`, data: { personId: PERSON } },
    ]);
    expect(approved('extend')).toEqual([]);
  });

  test('an assignment asks to transfer, keyed by the person and the event: each assignment its own job', () => {
    const first = '0b6f3c2e-1f7a-4f55-9a51-6c7d2e8b9a01';
    const second = '7c9e1d4a-2b3c-4d5e-8f60-718293a4b5c6';
    const assigned = (eventId: string) =>
      recorded('AssignedToBranchAndGroup', { on: '2025-07-12', orgId: 'org-2', partyGroup: '第一党小组' }, eventId);
    expect(policy.react(assigned(first))).toEqual([
      {
        name: 'transfer-probationary-member',
        id: `transfer-probationary-member.${PERSON}.${first}`,
        data: { personId: PERSON },
      },
    ]);
    expect(policy.react(assigned(first))).toEqual(policy.react(assigned(first)));
    expect(policy.react(assigned(second))[0].id).toBe(`transfer-probationary-member.${PERSON}.${second}`);
  });

  test('the assignment is handled from version 2 on, so that a replay finds the earlier assignments', () => {
    expect(policy.handles).toContain('AssignedToBranchAndGroup');
    expect(policy.version).toBe(2);
  });

  test('every job it asks for is declared, and its ids are safe for BullMQ', () => {
    const jobs = ['AdmissionApproved', 'AssignedToBranchAndGroup', 'ConversionApproved'].flatMap((type) =>
      ['convert', 'cancel'].flatMap((outcome) => policy.react(recorded(type, { outcome }))),
    );
    for (const job of jobs) {
      expect(policy.jobs).toContain(job.name);
      expect(job.id).not.toContain(':');
    }
  });

  test('the member id is derived from the person: the same person, the same member stream', () => {
    expect(memberIdOf(PERSON)).toBe(memberIdOf(PERSON));
    expect(memberIdOf(PERSON)).not.toBe(PERSON);
    expect(memberIdOf(PERSON)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
