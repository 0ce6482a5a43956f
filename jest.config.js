/** Jest runs the TypeScript sources as ESM (NestJS 12 is ESM-only); see ../shared/toolchain.md. */
export default {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  // Generous: the suite must pass on a busy machine (load 8 on 2 cores), where starting an app, seeding
  // the demo county or a child process takes several times as long as on an idle one.
  testTimeout: 120_000,
  // Finds (or unpacks) Chromium once, before the workers start: see test/support/chromium.ts.
  globalSetup: '<rootDir>/test/support/chromium.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // Two cores: run files in two workers; browser and server tests start their own processes.
  maxWorkers: 2,
};
