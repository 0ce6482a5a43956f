import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { pairing, type Pairing } from '../pairing.js';
import type { PairingEnded } from '../pairing.events.js';
import { endPairing, extendPairing } from './change-term.js';
import { formed } from './pairing.fixtures.js';

const extend = (endsOn: string) => (state: Pairing) =>
  extendPairing(command('ExtendPairing', { pairingId: 'p-1', endsOn, reason: '续签三年' }, testMetadata()), state);
const end = (on: string) => (state: Pairing) =>
  endPairing(command('EndPairing', { pairingId: 'p-1', on, reason: '学校停办' }, testMetadata()), state);
const ended: PairingEnded = { type: 'PairingEnded', data: { pairingId: 'p-1', on: '2025-06-30', reason: '学校停办' } };

describe('extend or end a pairing’s term', () => {
  test('a term is extended to a later day', () =>
    spec(pairing)
      .given([formed])
      .when(extend('2030-08-31'))
      .then([
        {
          type: 'PairingTermExtended',
          data: { pairingId: 'p-1', endsOn: '2030-08-31', previousEndsOn: '2027-08-31', reason: '续签三年' },
        },
      ]));
  test('an extension must end later than the term', () =>
    spec(pairing).given([formed]).when(extend('2027-08-31')).thenFails('pairing.extension-not-later', 'endsOn'));
  test('a pairing ends on a day within its term, not in the future', () => {
    spec(pairing).given([formed]).when(end('2025-06-30')).then([ended]);
    spec(pairing).given([formed]).when(end('2027-01-01')).thenFails('pairing.date-in-future', 'on');
    spec(pairing).given([formed]).when(end('2024-08-01')).thenFails('pairing.date-outside-term', 'on');
  });
  test('an ended pairing is neither extended nor ended again', () => {
    spec(pairing).given([formed, ended]).when(extend('2030-08-31')).thenFails('pairing.ended');
    spec(pairing).given([formed, ended]).when(end('2025-07-01')).thenFails('pairing.ended');
  });
  test('an unknown pairing is not found', () => spec(pairing).given([]).when(end('2025-06-30')).thenFails('not-found'));
});
