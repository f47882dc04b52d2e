// The projection's image tree (tools/deploy/assemble.ts) carries the dashboard it serves at /, the
// Vite build of apps/ioc-web, and nothing of the dashboard's npm dependencies (bundled already):
// started from that tree alone, outside the workspace, it answers ready and serves the built page.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningService, builtService, startHttpService, uniqueTopicPrefix } from '@nhip/testing';
import { repoRoot } from '../infra/config.ts';
import { assemble } from './assemble.ts';

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-image-projection-'));
let service: RunningService | undefined;

beforeAll(() => {
  // The e2e tier compiles with tsc -b only; the dashboard is Vite's to build, as the Dockerfile does.
  const built = spawnSync(
    process.execPath,
    [path.join(repoRoot, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'],
    { cwd: path.join(repoRoot, 'apps', 'ioc-web'), encoding: 'utf8' },
  );
  // With its stderr, so a failed build says why.
  expect({ status: built.status, stderr: built.stderr }).toEqual({ status: 0, stderr: expect.any(String) });
  assemble('projection', tree);
}, 300_000);

afterAll(async () => {
  await service?.stop();
  fs.rmSync(tree, { recursive: true, force: true });
});

describe('the projection image tree, outside the workspace', () => {
  it('holds the service, its libraries and the built dashboard, not the dashboard’s packages', () => {
    expect(fs.readdirSync(path.join(tree, 'apps')).sort()).toEqual(['ioc-web', 'projection']);
    expect(fs.readdirSync(path.join(tree, 'apps', 'ioc-web'))).toEqual(['dist']);
    expect(fs.existsSync(path.join(tree, 'apps', 'ioc-web', 'dist', 'index.html'))).toBe(true);
    const installed = fs.readdirSync(path.join(tree, 'node_modules'));
    for (const tool of ['echarts', 'vite', 'jest', 'nx', 'eslint']) expect(installed).not.toContain(tool);
    expect(fs.readdirSync(path.join(tree, 'node_modules', '@nhip'))).not.toContain('ioc-web');
  });

  it('starts from that tree alone, answers ready and serves the dashboard at / without a token', async () => {
    service = await startHttpService({
      entry: builtService('projection', tree),
      envPrefix: 'PROJECTION',
      purpose: 'image_tree',
      // Where the Dockerfile points it; the default (beside dist/) is the same folder.
      env: {
        NHIP_TOPIC_PREFIX: uniqueTopicPrefix(),
        PROJECTION_WEB_DIR: path.join(tree, 'apps/ioc-web/dist'),
      },
    });
    expect((await fetch(`${service.base}/health/ready`)).status).toBe(200);
    expect(service.output()).not.toContain('ERR_MODULE_NOT_FOUND');
    const page = await fetch(`${service.base}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toBe(fs.readFileSync(path.join(tree, 'apps', 'ioc-web', 'dist', 'index.html'), 'utf8'));
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect((await fetch(`${service.base}${script ?? '/missing'}`)).status).toBe(200);
  }, 120_000);
});
