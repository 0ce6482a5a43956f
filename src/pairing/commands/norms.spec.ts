import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { DEFAULT_NORMS, pairing, pairingNorms, type Pairing, type PairingNorms } from '../pairing.js';
import type { NormItem } from '../pairing.events.js';
import { assessNorm, defineNorms } from './norms.js';
import { formed } from './pairing.fixtures.js';

const assess = (normKey: string) => (state: Pairing) =>
  assessNorm(
    command(
      'AssessNorm',
      { pairingId: 'p-1', normKey, met: true, on: '2025-05-20', note: '支部按期换届' },
      testMetadata(),
    ),
    state,
    DEFAULT_NORMS,
  );
const define = (norms: NormItem[]) => (state: PairingNorms) =>
  defineNorms(command('DefineNorms', { norms }, testMetadata()), state);
const reworded = DEFAULT_NORMS.map((n) =>
  n.key === 'norm-4' ? { ...n, zh: '管理服务精细化', en: 'Refined service' } : n,
);

describe('the five norms', () => {
  test('a norm of the checklist is judged met on a day', () =>
    spec(pairing)
      .given([formed])
      .when(assess('branch-setup'))
      .then([
        {
          type: 'NormAssessed',
          data: { pairingId: 'p-1', normKey: 'branch-setup', met: true, on: '2025-05-20', note: '支部按期换届' },
        },
      ]));
  test('an item not on the checklist is refused', () =>
    spec(pairing).given([formed]).when(assess('no-such')).thenFails('pairing.norm-unknown', 'normKey'));
  test('the bureau rewords an item; items stay and keys are unique', () => {
    spec(pairingNorms)
      .given([])
      .when(define(reworded))
      .then([{ type: 'PairingNormsDefined', data: { norms: reworded } }]);
    spec(pairingNorms)
      .given([])
      .when(define(reworded.slice(1)))
      .thenFails('pairing.norm-removed');
    spec(pairingNorms)
      .given([])
      .when(define([...reworded, reworded[0]]))
      .thenFails('pairing.norm-key-twice', 'norms.5.key');
  });
});
