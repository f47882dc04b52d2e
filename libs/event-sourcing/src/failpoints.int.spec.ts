// Failpoints in a process of their own, as the fault suite arms them: `name@N` kills on the Nth
// pass, a marker makes the next process (the supervisor's restart) run through, `=delay:MS` waits.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from '@jest/globals';

const module = path.join(path.dirname(fileURLToPath(import.meta.url)), 'failpoints.ts');
const script = `
import { failpoint, failpointDelay } from ${JSON.stringify(module)};
for (let i = 1; i <= 5; i++) { process.stdout.write('pass ' + i + '\\n'); failpoint('command:after-commit'); }
const started = Date.now();
await failpointDelay('consumer:before-apply');
process.stdout.write('waited ' + (Date.now() - started) + '\\n');
`;

function run(env: Record<string, string>) {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    // Only what the test sets: a marker folder from the caller's environment would change the rules.
    env: { PATH: process.env['PATH'] ?? '', ...env },
    encoding: 'utf8',
  });
  return { signal: result.signal, out: result.stdout };
}

describe('failpoints', () => {
  it('kill on the Nth pass once per run, then let the restarted process through; a delay waits', () => {
    const marks = fs.mkdtempSync(path.join(os.tmpdir(), 'failpoint-marks-'));
    const env = {
      NHIP_FAILPOINTS: 'command:after-commit@3,consumer:before-apply=delay:300',
      NHIP_FAILPOINT_MARKS: marks,
    };
    const first = run(env);
    expect(first.signal).toBe('SIGKILL');
    expect(first.out).toBe('pass 1\npass 2\npass 3\n');
    expect(fs.readdirSync(marks)).toEqual(['command_after-commit']);

    const restarted = run(env);
    expect(restarted.signal).toBeNull();
    expect(restarted.out).toMatch(/^pass 1\n(pass \d\n){4}waited \d+\n$/);
    expect(Number(/waited (\d+)/.exec(restarted.out)?.[1])).toBeGreaterThanOrEqual(290);
    fs.rmSync(marks, { recursive: true, force: true });
  });

  it('without a marker folder, kill every process at the same pass', () => {
    const env = { NHIP_FAILPOINTS: 'command:after-commit@2' };
    expect(run(env).signal).toBe('SIGKILL');
    expect(run(env).out).toBe('pass 1\npass 2\n');
  });
});
