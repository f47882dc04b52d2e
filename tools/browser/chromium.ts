// The browser the dashboard's tests drive: Debian's chromium package, installed with apt-get when it
// is missing (the tests are never skipped for want of it). Runs headless, as root with --no-sandbox.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const chromiumPath = process.env['NHIP_CHROMIUM'] ?? '/usr/bin/chromium';

function run(command: readonly string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [program = '', ...args] = asRoot ? command : ['sudo', ...command];
  const done = spawnSync(program, args, {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    stdio: 'inherit',
  });
  if (done.status !== 0) {
    throw new Error(
      `${command.join(' ')} failed (exit ${done.status}): install chromium by hand or set NHIP_CHROMIUM`,
    );
  }
}

export function ensureChromium(log: (line: string) => void = console.log): void {
  if (fs.existsSync(chromiumPath)) return;
  log(`Chromium is missing at ${chromiumPath}: installing Debian's chromium package with apt-get`);
  run(['apt-get', 'update']);
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core']);
}

if (process.argv[1] === new URL(import.meta.url).pathname) ensureChromium();
