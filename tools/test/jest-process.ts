// How Jest is run here: by this Node with ES modules from TypeScript sources, writing its results as
// JSON to a file. `npm test` (run-all.ts) and the check of what each test file is set up with
// (each-test-file.int.spec.ts) start it the same way.
import path from 'node:path';
import { repoRoot } from '../infra/config.ts';

/** Node's arguments for Jest with `jestArgs`, its report written to `resultsFile`. */
export const jestNodeArgs = (resultsFile: string, jestArgs: readonly string[]): string[] => [
  '--experimental-vm-modules',
  '--conditions=@nhip/source',
  '--disable-warning=ExperimentalWarning',
  path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js'),
  '--json',
  `--outputFile=${resultsFile}`,
  ...jestArgs,
];
