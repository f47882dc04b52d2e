// The browser the dashboard's tests drive: Debian's chromium package, installed with apt-get when it
// is missing (the tests are never skipped for want of it). Runs headless, as root with --no-sandbox.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export const chromiumPath = process.env['NHIP_CHROMIUM'] ?? '/usr/bin/chromium';

export function ensureChromium(log: (line: string) => void = console.log): void {
  if (fs.existsSync(chromiumPath)) return;
  log(`Chromium is missing at ${chromiumPath}: installing Debian's chromium package with apt-get`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const args of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium', 'fonts-noto-core'],
  ]) {
    const run = spawnSync(
      sudo[0] ?? args[0] ?? '',
      [...sudo.slice(1), ...(sudo.length ? args : args.slice(1))],
      { env, stdio: 'inherit' },
    );
    if (run.status !== 0)
      throw new Error(
        `${args.join(' ')} failed (exit ${run.status}): install chromium by hand or set NHIP_CHROMIUM`,
      );
  }
}

if (process.argv[1] === new URL(import.meta.url).pathname) ensureChromium();
