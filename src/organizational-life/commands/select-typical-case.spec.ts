import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import type { TypicalCaseEvent } from '../organizational-life.events.js';
import { typicalCase } from '../typical-case.js';
import { selectTypicalCase } from './select-typical-case.js';
import { submitTypicalCase } from './submit-typical-case.js';

const submitted: TypicalCaseEvent = {
  type: 'TypicalCaseSubmitted',
  data: {
    caseId: 'c-1',
    unitId: 'u-1',
    orgId: 'org-1',
    title: '“红烛先锋”党员示范岗',
    summary: '党员教师结对帮扶留守儿童',
    submittedOn: '2026-09-01',
  },
};
const select =
  (conferenceYear: number, on = '2026-10-10') =>
  (state: Parameters<typeof selectTypicalCase>[1]) =>
    selectTypicalCase(
      command('SelectTypicalCase', { caseId: 'c-1', conferenceYear, note: null, on }, testMetadata()),
      state,
    );
const submit =
  (coverage = { orgExists: true, covers: true }) =>
  (state: Parameters<typeof submitTypicalCase>[1]) =>
    submitTypicalCase(command('SubmitTypicalCase', { ...submitted.data }, testMetadata()), state, coverage);

describe('typical cases (典型案例)', () => {
  test('a unit submits a case through its organisation', () =>
    spec(typicalCase).given([]).when(submit()).then([submitted]));
  test('through an organisation that does not cover the unit: refused', () =>
    spec(typicalCase)
      .given([])
      .when(submit({ orgExists: true, covers: false }))
      .thenFails('typical-case.unit-not-covered', 'unitId'));
  test('the bureau selects it for the year’s conference', () =>
    spec(typicalCase)
      .given([submitted])
      .when(select(2026))
      .then([
        { type: 'TypicalCaseSelected', data: { caseId: 'c-1', conferenceYear: 2026, note: null, on: '2026-10-10' } },
      ]));
  test('once', () =>
    spec(typicalCase)
      .given([
        submitted,
        { type: 'TypicalCaseSelected', data: { caseId: 'c-1', conferenceYear: 2026, note: null, on: '2026-10-10' } },
      ])
      .when(select(2027))
      .thenFails('typical-case.already-selected'));
  test('not for a conference before the case existed', () =>
    spec(typicalCase)
      .given([submitted])
      .when(select(2025))
      .thenFails('typical-case.conference-before-submission', 'conferenceYear'));
  test('a case never submitted', () => spec(typicalCase).given([]).when(select(2026)).thenFails('not-found'));
});
