// Three tiers, each a Jest project: unit (no I/O), integration (real Kafka + PostgreSQL started
// once per run by the global setup), end-to-end (whole services). `npm test` runs all three.
import type { Config } from 'jest';

const swc: [string, Record<string, unknown>] = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2024',
    },
    module: { type: 'es6' },
    sourceMaps: 'inline',
  },
];

const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  // Workspace libraries resolve to their TypeScript sources, as in the editor.
  testEnvironmentOptions: { customExportConditions: ['@nhip/source', 'node', 'node-addons'] },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/bench'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  verbose: true,
} satisfies Config;

const config: Config = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['**/*.unit.spec.ts'] },
    {
      ...common,
      displayName: 'int',
      testMatch: ['**/*.int.spec.ts'],
      globalSetup: '<rootDir>/tools/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test/int-timeouts.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['**/*.e2e.spec.ts'],
      globalSetup: '<rootDir>/tools/test/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tools/test/int-timeouts.ts'],
    },
  ],
};

export default config;
