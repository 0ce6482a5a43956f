import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase } from '../development-case.js';
import { assignCultivationContacts } from './assign-cultivation-contacts.js';
import { PERSON, historyUntil } from './development.fixtures.js';
import { fileActivist } from './file-activist.js';
import { holdApplicantTalk } from './hold-applicant-talk.js';
import { submitApplication } from './submit-application.js';

const facts = { orgExists: true, covers: true };
const apply = (birthDate: string, on = '2026-03-01') =>
  submitApplication.bind(
    null,
    command(
      'SubmitApplication',
      { personId: PERSON, name: '李明', gender: 'male' as const, birthDate, orgId: 'org-1', unitId: 'unit-1', on },
      testMetadata(),
    ),
  );
const standing = (memberId: string, full = true) => ({ memberId, name: memberId, full, underPartyProbation: false });

describe('step 1: application (Art. 5: aged 18 or over)', () => {
  test('an applicant who turned 18 on the application date is accepted', () =>
    spec(developmentCase)
      .given([])
      .when((s) => apply('2008-03-01')(s, facts))
      .then([
        {
          type: 'ApplicationSubmitted',
          data: {
            personId: PERSON,
            on: '2026-03-01',
            name: '李明',
            gender: 'male',
            birthDate: '2008-03-01',
            orgId: 'org-1',
            unitId: 'unit-1',
            records: [],
          },
        },
      ]));
  test('an applicant one day short of 18 is refused: development.under-18', () =>
    spec(developmentCase)
      .given([])
      .when((s) => apply('2008-03-02')(s, facts))
      .thenFails('development.under-18', 'birthDate'));
  test('a second application for the same person is refused', () =>
    spec(developmentCase)
      .given(historyUntil('application'))
      .when((s) => apply('1990-01-01')(s, facts))
      .thenFails('development.case-exists'));
  test('an organisation that does not cover the unit is refused', () =>
    spec(developmentCase)
      .given([])
      .when((s) => apply('1990-01-01')(s, { orgExists: true, covers: false }))
      .thenFails('development.unit-not-covered', 'unitId'));
  test('an application dated after today is refused', () =>
    spec(developmentCase)
      .given([])
      .when((s) => apply('1990-01-01', '2027-01-01')(s, facts))
      .thenFails('development.date-in-future'));
});

describe('order: a step only after its prerequisites', () => {
  const talk = (on: string) =>
    holdApplicantTalk.bind(
      null,
      command('HoldApplicantTalk', { personId: PERSON, on, talkedBy: '王', summary: '谈话' }, testMetadata()),
    );
  test('no talk without an application', () =>
    spec(developmentCase).given([]).when(talk('2023-03-20')).thenFails('development.case-unknown'));
  test('the talk after the application is recorded', () =>
    spec(developmentCase)
      .given(historyUntil('application'))
      .when(talk('2023-03-20'))
      .then([
        {
          type: 'ApplicantTalkHeld',
          data: { personId: PERSON, on: '2023-03-20', talkedBy: '王', summary: '谈话', records: [] },
        },
      ]));
  test('a talk dated before the application is refused', () =>
    spec(developmentCase)
      .given(historyUntil('application'))
      .when(talk('2023-02-01'))
      .thenFails('development.date-before-prerequisite'));
  test('the same step twice is refused', () =>
    spec(developmentCase).given(historyUntil('talk')).when(talk('2023-03-21')).thenFails('development.step-done'));
  test('filing an activist who was never determined is out of order', () =>
    spec(developmentCase)
      .given(historyUntil('talk'))
      .when((s) => fileActivist(command('FileActivist', { personId: PERSON, on: '2023-09-05' }, testMetadata()), s))
      .thenFails('development.out-of-order'));
});

describe('step 5: one or two full members as cultivation contacts (Art. 9)', () => {
  const assign =
    (ids: string[], standings: ReturnType<typeof standing>[]) => (s: Parameters<typeof assignCultivationContacts>[1]) =>
      assignCultivationContacts(
        command('AssignCultivationContacts', { personId: PERSON, on: '2023-09-05', contactIds: ids }, testMetadata()),
        s,
        standings,
      );
  test('two full members are assigned', () =>
    spec(developmentCase)
      .given(historyUntil('activistFiled'))
      .when(assign(['m-1', 'm-2'], [standing('m-1'), standing('m-2')]))
      .then([
        {
          type: 'CultivationContactsAssigned',
          data: {
            personId: PERSON,
            on: '2023-09-05',
            contacts: [
              { memberId: 'm-1', name: 'm-1' },
              { memberId: 'm-2', name: 'm-2' },
            ],
            records: [],
          },
        },
      ]));
  test('a probationary member cannot be a contact', () =>
    spec(developmentCase)
      .given(historyUntil('activistFiled'))
      .when(assign(['m-1'], [standing('m-1', false)]))
      .thenFails('development.contact-not-full-member', 'contactIds.0'));
});
