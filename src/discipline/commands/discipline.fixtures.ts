import { command } from '../../core/command-handling.js';
import { testMetadata } from '../../core/testing/decider-spec.js';
import type { DisciplineEvent, SanctionImposed } from '../discipline.events.js';
import { periodOf } from './impose-sanction.js';

/** The events of one case for the deciders' specs: 王芳, a full member who teaches at UNIT. */
export const CASE = 'c0000000-0000-4000-8000-000000000001';
export const MEMBER = 'm0000000-0000-4000-8000-000000000001';
export const UNIT = 'u0000000-0000-4000-8000-000000000001';
export const ORG = 'o0000000-0000-4000-8000-000000000001';
export const NOW = testMetadata('2027-06-01T02:00:00.000Z');
export const decision = (decidedOn: string) => ({
  decidedOn,
  decidingBody: '中共蒲城县教育局委员会',
  documentNumber: '蒲教党纪〔2025〕1号',
});

export const opened = (
  kind: 'misconduct' | 'teacher_ethics_violation' = 'misconduct',
  category: 'full' | 'probationary' | 'non_member' = 'full',
  manager = false,
): DisciplineEvent => ({
  type: 'DisciplineCaseOpened',
  data: {
    caseId: CASE,
    kind,
    personId: MEMBER,
    memberId: category === 'non_member' ? null : MEMBER,
    name: '王芳',
    category,
    unitId: UNIT,
    orgId: category === 'non_member' ? null : ORG,
    manager,
    openedOn: '2025-01-10',
    summary: '体罚学生',
  },
});

export const imposed = (
  track: 'party' | 'administrative',
  measure: SanctionImposed['data']['measure'],
  decidedOn: string,
  sanctionId = `s-${track}`,
  months?: number,
): DisciplineEvent => ({
  type: 'SanctionImposed',
  data: {
    caseId: CASE,
    sanctionId,
    track,
    measure,
    personId: MEMBER,
    memberId: MEMBER,
    unitId: UNIT,
    orgId: ORG,
    ...decision(decidedOn),
    ...periodOf(track, measure, decidedOn, months),
  },
});

export const confirmed = (decidedOn = '2025-02-01'): DisciplineEvent => ({
  type: 'TeacherEthicsViolationConfirmed',
  data: { caseId: CASE, personId: MEMBER, unitId: UNIT, findings: '体罚学生属实', ...decision(decidedOn) },
});

export const cmd = <T extends string, D>(type: T, data: D) => command(type, data, NOW);
