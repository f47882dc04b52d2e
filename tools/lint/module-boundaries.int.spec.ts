// The module-boundary constraints are only worth having if they fail a real violation.
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { repoRoot } from '../infra/config.ts';

const boundaryRule = '@nx/enforce-module-boundaries';

async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === boundaryRule).map((m) => m.message);
}

describe('Nx module boundaries', () => {
  beforeAll(() => {
    // The rule reads the cached project graph; `npm run lint` computes it the same way.
    execFileSync(process.execPath, [`${repoRoot}/node_modules/nx/dist/bin/nx.js`, 'show', 'projects'], {
      cwd: repoRoot,
      stdio: 'ignore',
    });
  }, 60_000);

  it('stops an infrastructure library from importing the test helpers', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/headers.ts',
      "import { uniqueTopic } from '@nhip/testing';\nexport const t = uniqueTopic('x');\n",
    );
    expect(errors.join('\n')).toMatch(/type:infra.*can only depend on libs tagged with/);
  }, 60_000);

  it('lets a test file of the same library use them', async () => {
    const errors = await boundaryErrors(
      'libs/messaging/src/messaging.int.spec.ts',
      "import { uniqueTopic } from '@nhip/testing';\nexport const t = uniqueTopic('x');\n",
    );
    expect(errors).toEqual([]);
  }, 60_000);

  it("stops a tool from reaching into a service's source", async () => {
    const errors = await boundaryErrors(
      'tools/migrate/cli.ts',
      "import { readConfig } from '../../apps/registry/src/config.ts';\nexport const c = readConfig();\n",
    );
    expect(errors.join('\n')).toMatch(/Projects cannot be imported by a relative or absolute path/);
  }, 60_000);
});
