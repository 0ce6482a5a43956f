import { Module } from '@nestjs/common';
import type { Projection } from '../core/projections/projection.js';
import { ActivityController } from './activity.controller.js';
import { activityProjection } from './projections/activity.projection.js';

export const auditProjections: Projection[] = [activityProjection];

/** Timelines, as-of queries and chain verification (the audit issue); for now the activity log. */
@Module({ controllers: [ActivityController] })
export class AuditModule {}
