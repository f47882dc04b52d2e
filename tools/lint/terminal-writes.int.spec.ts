// Services log JSON lines through their logger (ADR 0014); the lint rule is what keeps a stray
// terminal write out of apps/ and libs/, so it has to fire on one.
import { describe, expect, it } from '@jest/globals';
import { ESLint } from 'eslint';
import { repoRoot } from '../infra/config.ts';

const terminalRules = new Set(['no-restricted-properties', 'no-console']);

async function terminalErrors(filePath: string, code: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: repoRoot });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId !== null && terminalRules.has(m.ruleId))
    .map((m) => `${m.ruleId ?? ''}: ${m.message}`);
}

describe('no terminal writes in services and libraries', () => {
  it('stops process.stdout.write in a service', async () => {
    const errors = await terminalErrors(
      'apps/activity/src/main.ts',
      "process.stdout.write('bulk done\\n');\nexport {};\n",
    );
    expect(errors).toEqual([expect.stringMatching(/^no-restricted-properties: .*createLogger/)]);
  });

  it('stops process.stderr.write in a library, destructured or not', async () => {
    const errors = await terminalErrors(
      'libs/messaging/src/headers.ts',
      "process.stderr.write('oops\\n');\nconst { stderr } = process;\nstderr.write('again\\n');\nexport {};\n",
    );
    expect(errors).toHaveLength(2);
    expect(errors.every((e) => e.startsWith('no-restricted-properties'))).toBe(true);
  });

  it('stops console.log in a service', async () => {
    const errors = await terminalErrors('apps/registry/src/main.ts', "console.log('hi');\nexport {};\n");
    expect(errors).toEqual([expect.stringMatching(/^no-console/)]);
  });

  it('lets fixture processes, tests and tools talk to the terminal', async () => {
    const write = "process.stdout.write('ready\\n');\nexport {};\n";
    expect(await terminalErrors('libs/event-sourcing/src/fixtures/relay.fixture.ts', write)).toEqual([]);
    expect(await terminalErrors('apps/registry/src/registry-national.e2e.spec.ts', write)).toEqual([]);
    expect(await terminalErrors('tools/platform/cli.ts', write)).toEqual([]);
  });
});
