import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMessaging, type Messaging } from '@nhip/messaging';
import { eventually, kafkaBrokers } from '@nhip/testing';
import { removeRecordedTopics } from './test-topics.ts';

describe("the run's topics, deleted when it ends", () => {
  let messaging: Messaging;
  const id = `${process.pid}${Date.now()}`;
  const namespace = `tt${id}.`;
  const named = `test.teardown.${id}`;
  const unrelated = `other.teardown.${id}`;
  const list = path.join(os.tmpdir(), `nhip-test-topics-spec-${id}.txt`);

  beforeAll(async () => {
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'test-topics-spec' });
    await messaging.admin.ensureTopics(
      [
        `${namespace}public.kpi.indicator.v1`,
        `${namespace}kpi.inputs.dlq`,
        named,
        `${named}.dlq`,
        unrelated,
      ].map((name) => ({ name, partitions: 1 })),
    );
    fs.writeFileSync(list, `${namespace}\n${named}\n`);
  });

  afterAll(async () => {
    await messaging.admin.deleteTopics([unrelated]);
    await messaging.close();
  });

  it('deletes the namespaces and names recorded, with what they cover, and nothing else', async () => {
    expect(await removeRecordedTopics(list, messaging.admin)).toBe(4);
    const ours = async () => (await messaging.admin.listTopics()).filter((t) => t.includes(id));
    // The broker deletes in the background: its listing catches up within a moment.
    await eventually(async () => (await ours()).length === 1);
    expect(await ours()).toEqual([unrelated]);
    expect(fs.existsSync(list)).toBe(false);
  });

  it('deletes nothing when the run recorded nothing', async () => {
    expect(await removeRecordedTopics(list, messaging.admin)).toBe(0);
    expect(await messaging.admin.listTopics()).toContain(unrelated);
  });
});
