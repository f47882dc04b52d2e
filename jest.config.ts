// Three tiers, each a Jest project: unit (no I/O), integration (real Kafka + PostgreSQL started
// once per run by the global setup), end-to-end (whole services). `npm test` runs all three.
import type { Config } from 'jest';
import { common } from './tools/test/jest-common.ts';

const config: Config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['**/*.int.spec.ts'],
      globalSetup: '<rootDir>/tools/test/global-setup.ts',
      globalTeardown: '<rootDir>/tools/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test/each-test-file.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/tools/test/global-setup.ts',
      globalTeardown: '<rootDir>/tools/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test/each-test-file.ts'],
    },
  ],
};

export default config;
