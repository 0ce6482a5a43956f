import type { Feature } from '../core/feature.js';
import { pairingDemo } from './pairing.demo.js';
import { PAIRING_EVENT_TYPES } from './pairing.events.js';
import { PairingModule } from './pairing.module.js';
import { pairingObligations } from './pairing.obligations.js';
import { PAIRING_PERMISSIONS } from './pairing.permissions.js';
import { pairingsProjection } from './projections/pairings.projection.js';

/** Pairing communities (帮扶共同体): a public school helps private schools for a term, along three lines. */
export const pairingFeature: Feature = {
  name: 'pairing',
  module: PairingModule,
  events: PAIRING_EVENT_TYPES,
  projections: [pairingsProjection],
  permissions: PAIRING_PERMISSIONS,
  demo: pairingDemo,
  obligations: [pairingObligations],
};
