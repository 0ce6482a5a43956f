import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { developmentCase } from '../development-case.js';
import type { DevelopmentEvent } from '../development.events.js';
import { decideConversion } from './decide-conversion.js';
import { PERSON, historyUntil, votes } from './development.fixtures.js';
import { holdConversionMeeting } from './hold-conversion-meeting.js';

type Outcome = 'convert' | 'extend' | 'cancel';
const meeting =
  (on: string, outcome: Outcome = 'convert', extensionMonths?: number) =>
  (s: Parameters<typeof holdConversionMeeting>[1]) =>
    holdConversionMeeting(
      command(
        'HoldConversionMeeting',
        {
          personId: PERSON,
          on,
          outcome,
          extensionMonths,
          votes: votes(),
          publicityFrom: '2025-11-24',
          publicityTo: '2025-11-28',
        },
        testMetadata(),
      ),
      s,
      { full: 9, probationary: 1 },
    );
const held = (on: string, outcome: Outcome = 'convert', extensionMonths: number | null = null) => ({
  type: 'ConversionMeetingHeld' as const,
  data: {
    personId: PERSON,
    on,
    outcome,
    extensionMonths,
    votes: votes(),
    publicityFrom: '2025-11-24',
    publicityTo: '2025-11-28',
    rulesVersion: '2014',
    records: [],
  },
});
const given = historyUntil('conversionApplication');

describe('step 23: conversion meeting, not before probation expires (Art. 32)', () => {
  test('on the day probation expires (a year after the 2024-12-02 meeting): held', () =>
    spec(developmentCase)
      .given(given)
      .when(meeting('2025-12-02'))
      .then([held('2025-12-02')]));
  test('the day before expiry: development.conversion-before-expiry', () =>
    spec(developmentCase).given(given).when(meeting('2025-12-01')).thenFails('development.conversion-before-expiry'));
  test('an extension of 6 months is resolved', () =>
    spec(developmentCase)
      .given(given)
      .when(meeting('2025-12-05', 'extend', 6))
      .then([held('2025-12-05', 'extend', 6)]));
  test('an extension of 5 or 13 months is refused: development.extension-length', () => {
    spec(developmentCase)
      .given(given)
      .when(meeting('2025-12-05', 'extend', 5))
      .thenFails('development.extension-length', 'extensionMonths');
    spec(developmentCase)
      .given(given)
      .when(meeting('2025-12-05', 'extend', 13))
      .thenFails('development.extension-length');
  });
  const extended: DevelopmentEvent[] = [
    ...given,
    held('2025-12-05', 'extend', 6),
    {
      type: 'ConversionApproved',
      data: {
        personId: PERSON,
        on: '2025-12-20',
        outcome: 'extend',
        partyStandingFrom: null,
        probationEnd: '2026-06-02',
        records: [],
      },
    },
  ];
  test('probation is extended only once: development.extension-once', () =>
    spec(developmentCase)
      .given(extended)
      .when(meeting('2026-06-02', 'extend', 6))
      .thenFails('development.extension-once'));
  test('after an approved extension, the meeting waits for the new end', () =>
    spec(developmentCase)
      .given(extended)
      .when(meeting('2026-06-01'))
      .thenFails('development.conversion-before-expiry'));
  test('conversion publicity shorter than 5 working days is refused', () =>
    spec(developmentCase)
      .given(given)
      .when((s) =>
        holdConversionMeeting(
          command(
            'HoldConversionMeeting',
            {
              personId: PERSON,
              on: '2025-12-05',
              outcome: 'convert',
              votes: votes(),
              publicityFrom: '2025-11-27',
              publicityTo: '2025-11-30',
            },
            testMetadata(),
          ),
          s,
          { full: 9, probationary: 1 },
        ),
      )
      .thenFails('development.publicity-too-short'));
});

describe('step 24: conversion approval within 3 months; Party standing from probation expiry (Art. 34)', () => {
  const decide = (on: string) => (s: Parameters<typeof decideConversion>[1]) =>
    decideConversion(
      command('DecideConversion', { personId: PERSON, on, decision: 'approved' as const }, testMetadata()),
      s,
    );
  const resolved = [...given, held('2025-12-05')];
  test('approved on 2026-03-05: Party standing counts from the expiry 2025-12-02, not from the approval', () =>
    spec(developmentCase)
      .given(resolved)
      .when(decide('2026-03-05'))
      .then([
        {
          type: 'ConversionApproved',
          data: {
            personId: PERSON,
            on: '2026-03-05',
            outcome: 'convert',
            partyStandingFrom: '2025-12-02',
            probationEnd: null,
            records: [],
          },
        },
      ]));
  test('a day past 3 months: development.conversion-approval-after-3-months', () =>
    spec(developmentCase)
      .given(resolved)
      .when(decide('2026-03-06'))
      .thenFails('development.conversion-approval-after-3-months'));
  test('an approved extension moves the end of probation by the resolved months', () =>
    spec(developmentCase)
      .given([...given, held('2025-12-05', 'extend', 12)])
      .when(decide('2025-12-20'))
      .then([
        {
          type: 'ConversionApproved',
          data: {
            personId: PERSON,
            on: '2025-12-20',
            outcome: 'extend',
            partyStandingFrom: null,
            probationEnd: '2026-12-02',
            records: [],
          },
        },
      ]));
});
