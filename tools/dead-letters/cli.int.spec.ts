// `npm run dead-letters` on the real broker, as an operator types it: the listing, the plan, the
// re-drive, the second re-drive that finds nothing, and the refusals that say what to type instead.
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { deadLetter, readTopic } from '@nhip/event-sourcing';
import { createMessaging, type Messaging, type ReceivedMessage } from '@nhip/messaging';
import { kafkaBrokers, uniqueTopic } from '@nhip/testing';
import { repoRoot } from '../infra/config.ts';
import { run } from '../infra/proc.ts';

const deadLetters = (...args: string[]) =>
  run(
    process.execPath,
    ['--conditions=@nhip/source', path.join(repoRoot, 'tools', 'dead-letters', 'cli.ts'), ...args],
    { cwd: repoRoot, env: { ...process.env, KAFKA_BROKERS: kafkaBrokers().join(',') } },
  );

const original = (topic: string, type: string, value: string): ReceivedMessage => ({
  topic,
  partition: 0,
  offset: 7n,
  key: 'team-1',
  value: Buffer.from(value),
  headers: { ce_specversion: '1.0', ce_id: randomUUID(), ce_type: type, ce_source: '/nhip/registry' },
  timestamp: new Date(),
});

describe('npm run dead-letters', () => {
  let messaging: Messaging;
  const topic = uniqueTopic('dead-letters-cli');
  const group = `kpi-${randomUUID().slice(0, 8)}`;
  const moved = original(topic, 'vn.nhip.registry.team.moved.v1', '{"teamId":"team-1"}');

  beforeAll(async () => {
    messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'dead-letters-cli-test' });
    await messaging.admin.ensureTopics([{ name: topic, partitions: 1 }]);
    await messaging.publisher.publish([
      deadLetter(
        moved,
        group,
        'unknown_event_type',
        'No handler knows event type vn.nhip.registry.team.moved.v1.',
      ),
      deadLetter(
        original(topic, 'vn.nhip.registry.team.registered.v1', '{"teamId":'),
        group,
        'malformed_json',
        'bad',
      ),
    ]);
  });
  afterAll(() => messaging.close());

  it('lists the letters by source topic, group and reason, and says how to send them back', async () => {
    const { code, output } = await deadLetters('--topic', topic);
    expect(code).toBe(0);
    expect(output).toContain('2 dead letters on 1 dead-letter topic, 1 letter waiting for a re-drive.');
    expect(output).toContain(`${topic} → ${group}`);
    expect(output).toMatch(/unknown_event_type +1 letter: 1 waiting, 0 re-driven; last set aside 20\d\d-/);
    expect(output).toContain('vn.nhip.registry.team.moved.v1 ×1');
    expect(output).toMatch(/malformed_json +1 letter: left on the topic \(no release can read these bytes\)/);
    expect(output).toContain(`npm run dead-letters -- redrive --consumer ${group} --apply`);
  });

  it('shows the plan, sends nothing without --apply, then sends the letter back once', async () => {
    const failed = await deadLetters(
      'redrive',
      '--consumer',
      group,
      '--topic',
      topic,
      '--reason',
      'handler_failed',
    );
    expect(failed.output).toContain(
      `Re-drive for ${group} on ${topic}, set aside as handler_failed: 0 letters to send back.`,
    );
    expect(failed.output).toContain('Nothing to send.');
    const plan = await deadLetters('redrive', '--consumer', group, '--topic', topic);
    expect(plan.output).toContain(`Re-drive for ${group} on ${topic}: 1 letter to send back.`);
    expect(plan.output).toContain('1 letter left on the topic: no release can read their bytes.');
    expect(plan.output).toContain('Nothing sent: add --apply to send them.');
    expect(await readTopic(messaging, topic)).toEqual([]);

    const applied = await deadLetters('redrive', '--consumer', group, '--topic', topic, '--apply');
    expect(applied.code).toBe(0);
    expect(applied.output).toContain('✔ Sent back and marked re-driven.');
    const back = await readTopic(messaging, topic);
    expect(back.map((m) => [m.key, m.value.toString(), m.headers['ce_id']])).toEqual([
      ['team-1', '{"teamId":"team-1"}', moved.headers['ce_id']],
    ]);

    const again = await deadLetters('redrive', '--consumer', group, '--topic', topic, '--apply');
    expect(again.output).toContain('Nothing to send.');
    expect((await deadLetters('--topic', topic)).output).toMatch(/1 letter: 0 waiting, 1 re-driven/);
  });

  it('refuses a group with no letters and a topic with no dead-letter topic, naming what there is', async () => {
    const unknownGroup = await deadLetters('redrive', '--consumer', 'kpii', '--topic', topic);
    expect(unknownGroup.code).toBe(1);
    expect(unknownGroup.output).toContain(
      `✖ No dead letters of the consumer group "kpii" on ${topic}.dlt; groups with letters: ${group}.`,
    );
    const noTopic = await deadLetters('--topic', `${topic}-none`);
    expect(noTopic.code).toBe(1);
    expect(noTopic.output).toContain(`✖ No dead-letter topic ${topic}-none.dlt`);
    expect((await deadLetters('redrive')).output).toContain('✖ Usage: npm run dead-letters');
    const poison = await deadLetters('redrive', '--consumer', group, '--reason', 'malformed_json');
    expect(poison.code).toBe(1);
    expect(poison.output).toContain(
      '✖ --reason malformed_json is not one a re-drive takes: unknown_event_type, handler_failed.',
    );
  });
});
