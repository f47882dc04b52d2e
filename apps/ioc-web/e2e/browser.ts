// Headless Chromium (Debian's package, installed by tools/browser/chromium.ts from the test runner)
// driven by playwright-core, with the helpers the dashboard specs share.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const screenshotDir = path.join(repo, 'docs', 'screenshots');
const chromiumPath = process.env['NHIP_CHROMIUM'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  if (!fs.existsSync(chromiumPath))
    throw new Error(`no Chromium at ${chromiumPath}: run the tests through npm test (it installs it)`);
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
}

/** The serious and critical accessibility violations axe-core finds on the page as it is. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: path.join(repo, 'node_modules', 'axe-core', 'axe.min.js') });
  const found = await page.evaluate<{ id: string; impact: string; nodes: { target: unknown }[] }[]>(
    'axe.run().then((r) => r.violations)',
  );
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
}
