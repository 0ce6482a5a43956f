import { Module } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';

/**
 * The home page of every role. Features contribute their tiles through their descriptors (`dashboard`);
 * the kernel provides them, in the order of the list of features, as DASHBOARD_CONTRIBUTIONS.
 */
@Module({ controllers: [DashboardController] })
export class DashboardModule {}
