import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { pairing, type Pairing } from '../pairing.js';
import { logPartyBuilding, logTeaching } from './log-activity.js';
import { formed } from './pairing.fixtures.js';

const training = (on: string, teachersTrained: string[]) => (state: Pairing) =>
  logTeaching(
    command(
      'LogTeaching',
      { pairingId: 'p-1', activityId: 'a-1', kind: 'training', on, title: '课堂教学培训', note: null, teachersTrained },
      testMetadata(),
    ),
    state,
  );

describe('log teaching and Party-building help', () => {
  test('a training names the backbone teachers trained', () =>
    spec(pairing)
      .given([formed])
      .when(training('2025-03-12', ['张老师', '李红']))
      .then([
        {
          type: 'TeachingActivityLogged',
          data: {
            pairingId: 'p-1',
            activityId: 'a-1',
            kind: 'training',
            on: '2025-03-12',
            title: '课堂教学培训',
            note: null,
            teachersTrained: ['张老师', '李红'],
          },
        },
      ]));
  test('a training without names, or a name twice, is refused', () => {
    spec(pairing).given([formed]).when(training('2025-03-12', [])).thenFails('pairing.training-names-teachers');
    spec(pairing)
      .given([formed])
      .when(training('2025-03-12', ['李红', ' 李红']))
      .thenFails('pairing.teacher-named-twice', 'teachersTrained.1');
  });
  test('a day before the term, or after today, is refused', () => {
    spec(pairing)
      .given([formed])
      .when(training('2024-08-31', ['李红']))
      .thenFails('pairing.date-outside-term', 'on');
    spec(pairing)
      .given([formed])
      .when(training('2026-12-01', ['李红']))
      .thenFails('pairing.date-in-future', 'on');
  });
  test('joint Party work of an unknown pairing is not found', () =>
    spec(pairing)
      .given([])
      .when((state) =>
        logPartyBuilding(
          command(
            'LogPartyBuilding',
            { pairingId: 'p-1', activityId: 'a-2', kind: 'joint-activity', on: '2025-07-01', title: '联合主题党日' },
            testMetadata(),
          ),
          state,
        ),
      )
      .thenFails('not-found'));
});
