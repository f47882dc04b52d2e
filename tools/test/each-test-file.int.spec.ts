// What every integration and end-to-end file is set up with (each-test-file.ts) holds even for a
// file that fails half-way: Jest ends, reports the failure, and leaves no process running.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { repoRoot } from '../infra/config.ts';
import { isRunning } from '../platform/supervision.ts';
import { jestNodeArgs } from './jest-process.ts';

function runJestOnTheHalfStartedFile(pidFile: string, resultsFile: string): Promise<number | null> {
  const args = jestNodeArgs(resultsFile, [
    '--config',
    path.join(repoRoot, 'tools/test/fixtures/half-started.jest.config.ts'),
  ]);
  return new Promise((resolve) => {
    const env = { ...process.env, HALF_STARTED_PID_FILE: pidFile };
    const jest = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: 'ignore' });
    // Without the setup, this Jest never exits: the guard only keeps a regression from hanging CI.
    const guard = setTimeout(() => jest.kill('SIGKILL'), 80_000);
    jest.on('close', (code) => {
      clearTimeout(guard);
      resolve(code);
    });
  });
}

describe('a test file that fails half-way through starting its services', () => {
  it('fails, stops the process it had started, and lets Jest exit', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-half-started-'));
    const [pidFile, resultsFile] = [path.join(dir, 'pid'), path.join(dir, 'results.json')];

    const code = await runJestOnTheHalfStartedFile(pidFile, resultsFile);

    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as { numFailedTests: number };
    expect({ code, failed: results.numFailedTests }).toEqual({ code: 1, failed: 1 });
    expect(isRunning(Number(fs.readFileSync(pidFile, 'utf8')))).toBe(false);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
