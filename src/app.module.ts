import { Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from './config.js';
import { CoreModule } from './core/core.module.js';
import { assembleFeatures, type Feature } from './core/feature.js';
import { JobsModule } from './core/jobs/jobs.module.js';
import { FEATURES } from './features.js';

/** The whole application: the kernel plus every feature of the list (src/features.ts), in its order. */
@Module({})
export class AppModule {
  /**
   * `overrides` replace kernel providers (tests pass a ManualClock as CLOCK); `features` replaces the list
   * (tests of the list's own checks). Two features declaring the same event type, resource, read model or
   * policy stop the start with a StartupError naming both.
   */
  static forRoot(
    config: AppConfig,
    overrides: { token: symbol; value: unknown }[] = [],
    features: readonly Feature[] = FEATURES,
  ): DynamicModule {
    const assembled = assembleFeatures(features);
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot({ config, features: assembled, overrides }),
        JobsModule,
        ...features.map((f) => f.module),
      ],
    };
  }
}
