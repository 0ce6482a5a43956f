import type { Feature } from '../core/feature.js';
import { evidenceDemo } from './evidence.demo.js';
import { EVIDENCE_EVENT_TYPES } from './evidence.events.js';
import { EvidenceModule } from './evidence.module.js';
import { evidenceObligations } from './evidence.obligations.js';
import { EVIDENCE_PERMISSIONS } from './evidence.permissions.js';
import { evidenceFilesProjection } from './projections/evidence-files.projection.js';

/** Evidence (印证资料, issue 12 §4): content-addressed files, the archive by organisation and year, C3. */
export const evidenceFeature: Feature = {
  name: 'evidence',
  module: EvidenceModule,
  events: EVIDENCE_EVENT_TYPES,
  projections: [evidenceFilesProjection],
  permissions: EVIDENCE_PERMISSIONS,
  demo: evidenceDemo,
  obligations: [evidenceObligations],
};
