import type { Feature } from '../core/feature.js';
import { noticesDemo } from './notices.demo.js';
import { NOTICE_EVENT_TYPES } from './notices.events.js';
import { NoticesModule } from './notices.module.js';
import { noticesObligations } from './notices.obligations.js';
import { NOTICES_PERMISSIONS } from './notices.permissions.js';
import { noticesProjection } from './projections/notices.projection.js';
import { noticesSourcesProjection } from './projections/sources.projection.js';
import { noticeUrgingPolicy } from './urging.policy.js';

/**
 * Criticism notices (通报批评, domain.md §2.1 item 4; issue 14 part 4): lagging units found from the quarterly
 * bulletin, grades and overdue obligations; draft → approval → issue → circulation → acknowledgements →
 * urging (催办) → rectification → closed. Its CriticismNoticeIssued is a fact assessment rules deduct for.
 */
export const noticesFeature: Feature = {
  name: 'notices',
  module: NoticesModule,
  events: NOTICE_EVENT_TYPES,
  projections: [noticesSourcesProjection, noticesProjection],
  policies: [noticeUrgingPolicy],
  permissions: NOTICES_PERMISSIONS,
  demo: noticesDemo,
  obligations: [noticesObligations],
};
