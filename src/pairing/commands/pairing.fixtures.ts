import type { PairingFormed } from '../pairing.events.js';

/** A pairing formed on 2024-09-01 for three years: 桥山中学 helps 兴华学校. */
export const formed: PairingFormed = {
  type: 'PairingFormed',
  data: {
    pairingId: 'p-1',
    name: '桥山中学→兴华学校',
    helperUnitId: 'u-helper',
    helperOrgId: 'o-helper',
    helpedUnitIds: ['u-helped'],
    startOn: '2024-09-01',
    endsOn: '2027-08-31',
  },
};
