import { describe, test } from '@jest/globals';
import { command } from '../../core/command-handling.js';
import { spec, testMetadata } from '../../core/testing/decider-spec.js';
import { pairing } from '../pairing.js';
import { formed } from './pairing.fixtures.js';
import { formPairing, type FormPairingFacts } from './form-pairing.js';

const facts: FormPairingFacts = {
  units: {
    'u-helper': { name: '桥山中学', type: 'public_school' },
    'u-helped': { name: '兴华学校', type: 'private_school' },
    'u-kg': { name: '小太阳幼儿园', type: 'private_kindergarten' },
  },
  helperOrgId: 'o-helper',
};
const form =
  (data: { helperUnitId?: string; helpedUnitIds?: string[] } = {}) =>
  (state: Parameters<typeof formPairing>[1]) =>
    formPairing(
      command(
        'FormPairing',
        {
          pairingId: 'p-1',
          name: null,
          helperUnitId: 'u-helper',
          helpedUnitIds: ['u-helped'],
          startOn: '2024-09-01',
          termYears: 3,
          ...data,
        },
        testMetadata(),
      ),
      state,
      facts,
    );

describe('form a pairing community', () => {
  test('a public school helps a private school for three years, named after both', () =>
    spec(pairing).given([]).when(form()).then([formed]));
  test('the helper must be a public school', () =>
    spec(pairing)
      .given([])
      .when(form({ helperUnitId: 'u-helped' }))
      .thenFails('pairing.helper-not-public-school', 'helperUnitId'));
  test('a helped school must be a private school, named once', () => {
    spec(pairing)
      .given([])
      .when(form({ helpedUnitIds: ['u-helped', 'u-kg'] }))
      .thenFails('pairing.helped-not-private-school', 'helpedUnitIds.1');
    spec(pairing)
      .given([])
      .when(form({ helpedUnitIds: ['u-helped', 'u-helped'] }))
      .thenFails('pairing.helped-named-twice', 'helpedUnitIds.1');
  });
  test('an unknown unit is named by its field', () =>
    spec(pairing)
      .given([])
      .when(form({ helpedUnitIds: ['u-none'] }))
      .thenFails('pairing.unit-not-found', 'helpedUnitIds.0'));
  test('the same pairing twice is refused', () =>
    spec(pairing).given([formed]).when(form()).thenFails('pairing.already-formed'));
});
