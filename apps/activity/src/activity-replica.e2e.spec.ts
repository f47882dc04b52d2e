// The activity service's replica of the registry, through the Nest transport (libs/nest-kafka):
// a registry message breaking its contract is dead-lettered with its reason while the replica keeps
// applying the next ones, and a redelivered message changes nothing.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers } from '@nhip/testing';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tree2025 = fs.readFileSync(
  path.join(here, '..', '..', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv'),
);

describe('the registry replica on the Nest transport', () => {
  let platform: Platform;

  beforeAll(async () => {
    platform = await startPlatform('replica');
    const { registry } = platform;
    await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree2025, {
      'content-type': 'text/csv',
    });
    await registry.post('/units/24175/villages', { name: 'Thôn 1', type: 'Thôn' });
    const { teamId } = (
      await registry.post<{ teamId: string }>('/teams', {
        name: 'Tổ công nghệ số cộng đồng thôn 1',
        teamType: 'community_digital_technology',
        unitCode: '24175-001',
        decision: { number: '12/QĐ-UBND', date: '2025-08-01' },
      })
    ).body;
    await replicaCaughtUp(platform, [teamId]);
  });
  afterAll(() => platform.stop());

  it('dead-letters a registry message that breaks its contract, and keeps applying the rest', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'activity-e2e-poison' });
    const topic = `${platform.topicPrefix}${publicTopics.registryUnit}`;
    const headers = (id: string) => ({
      ce_specversion: '1.0',
      ce_id: id,
      ce_type: 'vn.nhip.registry.unit.added.v1',
      ce_source: '/nhip/registry',
      ce_time: new Date().toISOString(),
      'content-type': 'application/json',
    });
    const poisonId = randomUUID();
    try {
      await messaging.publisher.publish([
        {
          topic,
          key: 'vn-2025',
          value: JSON.stringify({ treeVersion: 'vn-2025', code: 'x' }),
          headers: headers(poisonId),
        },
      ]);
      const dead = await eventually(
        async () => {
          const found = (await readTopic(messaging, `${topic}.dlt`)).filter(
            (m) => m.headers['ce_id'] === poisonId,
          );
          return found.length > 0 ? found : undefined;
        },
        { timeoutMs: 30_000 },
      );
      expect(dead[0]?.headers['dlt_detail']).toMatch(/breaks its contract/);
    } finally {
      await messaging.close();
    }
    // The replica still follows the registry after the poison.
    await platform.registry.post('/units/24175/villages', { name: 'Thôn 9', type: 'Thôn' });
    await eventually(
      async () =>
        (await platform.activity.sql(`SELECT 1 FROM replica_units WHERE code = '24175-002'`)).length === 1,
    );
  });

  it('applies a redelivered registry message once: a re-sent suspension leaves a reinstated team active', async () => {
    const { registry, activity } = platform;
    const teamC = (
      await registry.post<{ teamId: string }>('/teams', {
        name: 'Tổ công nghệ số cộng đồng thôn 1 (2)',
        teamType: 'community_digital_technology',
        unitCode: '24175-001',
        decision: { number: '13/QĐ-UBND', date: '2025-08-02' },
      })
    ).body.teamId;
    await registry.post(`/teams/${teamC}/suspension`, { reason: 'Chờ kiện toàn' });
    await registry.post(`/teams/${teamC}/reinstatement`);
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'activity-e2e-redeliver' });
    const topic = `${platform.topicPrefix}${publicTopics.registryTeam}`;
    const consumer = `${platform.topicPrefix}activity.registry-replica`;
    const processed = async () =>
      (
        await activity.sql<{ n: number }>(
          'SELECT count(*)::int AS n FROM es_processed_events WHERE consumer = $1',
          [consumer],
        )
      )[0]?.n;
    const status = async () =>
      (
        await activity.sql<{ status: string }>('SELECT status FROM replica_teams WHERE team_id = $1', [teamC])
      )[0]?.status;
    try {
      const { suspension, reinstatement } = await eventually(async () => {
        const ofTeam = (await readTopic(messaging, topic)).filter((m) => m.key === teamC);
        const find = (what: string) =>
          ofTeam.find((m) => m.headers['ce_type'] === `vn.nhip.registry.team.${what}.v1`);
        const [suspended, reinstated] = [find('suspended'), find('reinstated')];
        return suspended && reinstated ? { suspension: suspended, reinstatement: reinstated } : undefined;
      });
      await eventually(
        async () =>
          (
            await activity.sql('SELECT 1 FROM es_processed_events WHERE event_id = $1', [
              reinstatement.headers['ce_id'],
            ])
          ).length === 1,
      );
      expect(await status()).toBe('active');
      const before = await processed();
      // As the relay re-sends after a crash: the same event, bytes and headers at a new offset.
      const { key, value, headers } = suspension;
      await messaging.publisher.publish([{ topic, key, value, headers }]);
      await eventually(
        async () => (await activity.get<{ replicaLag: string }>('/health')).body.replicaLag === '0',
      );
      expect([await status(), await processed()]).toEqual(['active', before]);
    } finally {
      await messaging.close();
    }
  });
});
