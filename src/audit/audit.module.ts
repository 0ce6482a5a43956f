import { Global, Module } from '@nestjs/common';
import { ActivityController } from './activity.controller.js';
import { AuditController } from './audit.controller.js';
import { AuditFacts } from './audit.facts.js';
import { AuditReadRecorder } from './audit-reads.js';

/**
 * The activity log, the units' audits (timelines, scores as of any point, diffs, exports) and the record of
 * who read them. Global for its read door (AuditFacts: the home page's recent activity).
 * Scores at a point in time come from the assessment's read door (AssessmentFacts).
 */
@Global()
@Module({
  controllers: [ActivityController, AuditController],
  providers: [AuditFacts, AuditReadRecorder],
  exports: [AuditFacts],
})
export class AuditModule {}
