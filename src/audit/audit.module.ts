import { Global, Module } from '@nestjs/common';
import { ActivityController } from './activity.controller.js';
import { AuditFacts } from './audit.facts.js';

/**
 * Timelines, as-of queries and chain verification (the audit issue); for now the activity log. Global for
 * its read door (AuditFacts: the home page's recent activity).
 */
@Global()
@Module({ controllers: [ActivityController], providers: [AuditFacts], exports: [AuditFacts] })
export class AuditModule {}
