import { Module } from '@nestjs/common';
import { ActivityController } from './activity.controller.js';

/** Timelines, as-of queries and chain verification (the audit issue); for now the activity log. */
@Module({ controllers: [ActivityController] })
export class AuditModule {}
