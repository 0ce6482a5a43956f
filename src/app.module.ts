import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.js';
import { AuditModule, auditProjections } from './audit/audit.module.js';
import { AuthModule, authProjections } from './auth/auth.module.js';
import { CoreModule } from './core/core.module.js';
import { JobsModule } from './core/jobs/jobs.module.js';
import type { Policy } from './core/jobs/policy.js';
import type { Projection } from './core/projections/projection.js';
import { DashboardModule } from './dashboard/dashboard.module.js';
import { unitsDashboard } from './organizations/dashboard.js';
import { DevelopmentModule, developmentProjections } from './development/development.module.js';
import {
  OrganizationsModule,
  organizationsPolicies,
  organizationsProjections,
} from './organizations/organizations.module.js';

/** Every read model of the application; the CLI's `rebuild` uses the same list. */
export const projections: Projection[] = [
  ...authProjections,
  ...organizationsProjections,
  ...developmentProjections,
  ...auditProjections,
];

/** Every policy (events → jobs); their job handlers are providers of the feature modules. */
export const policies: Policy[] = [...organizationsPolicies];

/** The whole application: the kernel plus one module per feature. */
@Module({})
export class AppModule {
  /** `overrides` replace kernel providers (tests pass a ManualClock as CLOCK). */
  static forRoot(config: AppConfig, overrides: { token: symbol; value: unknown }[] = []): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, projections, policies, overrides }),
        JobsModule,
        AuthModule,
        OrganizationsModule,
        DevelopmentModule,
        AuditModule,
        DashboardModule.forRoot([unitsDashboard]),
      ],
    };
  }
}
