// What every Jest project of this repository shares (jest.config.ts, and the fixture config of
// each-test-file.int.spec.ts).
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

export const common = {
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  // Workspace libraries resolve to their TypeScript sources, as in the editor.
  testEnvironmentOptions: { customExportConditions: ['@nhip/source', 'node', 'node-addons'] },
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tools', '<rootDir>/bench'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  verbose: true,
} satisfies Config;
