// The slice rule is only worth having if it fails a real reach into another slice, and if the
// repository's ESLint configuration actually turns it on for the services.
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { repoRoot } from '../infra/config.ts';
import nhip from './slice-boundaries.js';

const linter = new Linter({ configType: 'flat' });
const config = [
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser },
    plugins: { nhip },
    rules: { 'nhip/slice-boundaries': 'error' },
  },
] as Linter.Config[];

function sliceErrors(file: string, code: string): string[] {
  return linter.verify(code, config, { filename: path.join(repoRoot, file) }).map((m) => m.message);
}

const handler = 'apps/activity/src/activities/log-activity/log-activity.handler.ts';

describe('nhip/slice-boundaries', () => {
  it("fails an import of another slice's internal file", () => {
    const errors = sliceErrors(
      handler,
      "import { ingestBulk } from '../ingest-bulk/ingest-bulk.handler.ts';\n",
    );
    expect(errors).toEqual([
      expect.stringMatching(
        /internal to the slice apps\/activity\/src\/activities\/ingest-bulk: import it through/,
      ),
    ]);
  });

  it('fails it from the aggregate root and from app wiring too', () => {
    const fromRoot = sliceErrors(
      'apps/activity/src/activities/activity.aggregate.ts',
      "export { ingestBulk } from './ingest-bulk/ingest-bulk.handler.ts';\n",
    );
    const fromApp = sliceErrors(
      'apps/activity/src/app.module.ts',
      "export * from './activities/ingest-bulk/ingest-bulk.handler.ts';\n",
    );
    expect([fromRoot.length, fromApp.length]).toEqual([1, 1]);
  });

  it("lets a slice use its own files, its aggregate and another slice's index.ts", () => {
    const code = [
      "import { a } from './log-activity.request.ts';",
      "import { b } from '../activity.ts';",
      "import { c } from '../ingest-bulk/index.ts';",
      "import pg from 'pg';",
      '',
    ].join('\n');
    expect(sliceErrors(handler, code)).toEqual([]);
  });

  it('is switched on for every app source file by eslint.config.js', async () => {
    const eslint = new ESLint({ cwd: repoRoot });
    const applied = (await eslint.calculateConfigForFile('apps/activity/src/app.module.ts')) as Linter.Config;
    expect(applied.rules?.['nhip/slice-boundaries']).toEqual([2]);
  }, 60_000);
});
