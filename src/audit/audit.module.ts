import { Global, Module } from '@nestjs/common';
import { AssessmentFacts } from '../assessment/assessment.facts.js';
import { ActivityController } from './activity.controller.js';
import { AuditController } from './audit.controller.js';
import { AuditFacts } from './audit.facts.js';
import { AuditReadRecorder } from './audit-reads.js';

/**
 * The activity log, the units' audits (timelines, scores as of any point, diffs, exports) and the record of
 * who read them. Global for its read door (AuditFacts: the home page's recent activity).
 *
 * AssessmentFacts (the assessment's read door, reading only the event store) is provided here until the
 * assessment module exports it; then this line goes and the audit imports it from there.
 */
@Global()
@Module({
  controllers: [ActivityController, AuditController],
  providers: [AuditFacts, AuditReadRecorder, AssessmentFacts],
  exports: [AuditFacts],
})
export class AuditModule {}
