import { Module, type DynamicModule } from '@nestjs/common';
import { DashboardController } from './dashboard.controller.js';
import { DASHBOARD_CONTRIBUTIONS, type DashboardContribution } from '../core/dashboard.js';

/** The home page of every role; features contribute through `forRoot([...])` in app.module.ts. */
@Module({})
export class DashboardModule {
  static forRoot(contributions: DashboardContribution[]): DynamicModule {
    return {
      module: DashboardModule,
      controllers: [DashboardController],
      providers: [{ provide: DASHBOARD_CONTRIBUTIONS, useValue: contributions }],
    };
  }
}
