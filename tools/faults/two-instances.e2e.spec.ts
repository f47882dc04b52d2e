// Two instances of activity and of kpi against one broker and one database each, as deploy/k8s runs
// them (docs/adr/0032): they share the work (each consumer group's partitions split between its two
// members; one relay per service holds the leadership lock, the other waits), and kill -9 of the
// relay leader of each service under load on activity loses nothing: every accepted report stored
// once and published once (the event store against the distinct ids on the topic), every event the
// KPI service consumes applied once, consumer lag back to 0, the survivors leading and consuming.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { personas } from '@nhip/dev-issuer';
import { createMessaging, kafkaConnectionFromEnv, type Messaging } from '@nhip/messaging';
import kafkajs, { type Admin } from 'kafkajs';
import { KafkaView } from './ledger/kafka-view.ts';
import { startLoad } from './ledger/load.ts';
import { commands, seed, signedInAs } from './ledger/workload.ts';
import { ScaledPlatform, type Instance, type Scaled } from './instances/scaled-platform.ts';
import { groupsOf, ledgerChecks, query, quiet, sleep, until } from './instances/scaled-checks.ts';
import { groupMembers, processOfPort, relayLockPort, type Member } from './instances/who-does-what.ts';

let platform: ScaledPlatform;
let messaging: Messaging;
let kafka: KafkaView;
let admin: Admin;
let teams: string[];
const brokers = (process.env['KAFKA_BROKERS'] ?? '').split(',');

beforeAll(async () => {
  platform = await ScaledPlatform.start(2);
  messaging = createMessaging(kafkaConnectionFromEnv('two-instances'));
  kafka = await KafkaView.open(brokers, messaging);
  admin = new kafkajs.Kafka({
    clientId: 'two-instances',
    brokers,
    logLevel: kafkajs.logLevel.NOTHING,
  }).admin();
  await admin.connect();
  // The pilot tree and four teams, once the activity replica (one of the two) has them.
  teams = await seed({
    databases: platform.databases,
    url: (service) =>
      (service === 'registry' ? platform.registry : (platform.instances.activity[0] as Instance)).url,
  });
}, 240_000);

afterAll(async () => {
  await admin.disconnect();
  await kafka.close();
  await messaging.close();
  await platform.stop();
});

/** Partition counts of the groups' topics, as the services created them (topicsOf in main.ts). */
const partitionsOf = async (topics: readonly string[]): Promise<number> =>
  (await Promise.all(topics.map((t) => admin.fetchTopicOffsets(t)))).reduce((n, ps) => n + ps.length, 0);

/** Waits for `members` stable members whose partitions cover the group's topics exactly once. */
async function split(
  group: { group: string; topics: readonly string[] },
  members: number,
): Promise<Member[]> {
  const total = await partitionsOf(group.topics);
  return until(
    () => groupMembers(admin, group.group),
    (found) => {
      const owned = found.flatMap((m) => m.partitions);
      return found.length === members && owned.length === total && new Set(owned).size === total;
    },
    90_000,
  );
}

/** The instance of `service` whose relay session holds the leadership lock now. */
async function relayLeader(service: Scaled): Promise<Instance | undefined> {
  const port = await relayLockPort(platform.databaseUrl(service));
  if (port === undefined) return undefined;
  const alive = platform.instances[service].filter(
    (i) => i.process.child.exitCode === null && !i.process.child.killed,
  );
  const pid = processOfPort(
    port,
    alive.map((i) => i.process.child.pid ?? -1),
  );
  return alive.find((i) => i.process.child.pid === pid);
}

/** One event in each accepted report's stream, and one stream per report. */
async function expectStoredOnce(okIds: readonly string[]): Promise<void> {
  const [stored] = await query<{ streams: number; events: number }>(
    platform.databaseUrl('activity'),
    `SELECT count(DISTINCT stream_id)::int AS streams, count(*)::int AS events FROM es_events WHERE stream_id = ANY($1)`,
    [okIds.map((id) => `activity-${id}`)],
  );
  expect(stored).toEqual({ streams: okIds.length, events: okIds.length });
}

/** Every activity event published is in the KPI service's processed set (its primary key: once). */
async function expectAppliedOnce(): Promise<void> {
  const published = await query<{ id: string }>(
    platform.databaseUrl('activity'),
    `SELECT message_id::text AS id FROM es_outbox WHERE topic = 'public.activity.activity.v1'`,
  );
  const applied = await query<{ id: string }>(
    platform.databaseUrl('kpi'),
    `SELECT event_id AS id FROM es_processed_events WHERE consumer LIKE '%kpi.inputs' AND event_id = ANY($1)`,
    [published.map((r) => r.id)],
  );
  expect(published.length).toBeGreaterThan(0);
  expect(applied.length).toBe(published.length);
}

describe('two instances of activity and of kpi on one broker and one database', () => {
  it('share the work: each group’s partitions split between both, one relay leader per service', async () => {
    const groups = groupsOf(platform);
    for (const group of [groups.activity, groups.kpi]) {
      const members = await split(group, 2);
      for (const member of members) expect(member.partitions.length).toBeGreaterThan(0);
      process.stdout.write(
        `${group.group}: ${members.map((m) => m.partitions.length).join(' + ')} partitions\n`,
      );
    }
    for (const service of ['activity', 'kpi'] as const) {
      const leader = await until(
        () => relayLeader(service),
        (l) => l !== undefined,
        30_000,
      );
      expect(platform.instances[service].map((i) => i.name)).toContain(leader?.name);
    }
  }, 180_000);

  it('kill -9 of each relay leader under load: every accepted report stored once, published once, lag 0', async () => {
    const authorization = await signedInAs(personas.communeOfficer);
    const perInstance = platform.instances.activity.map((instance) =>
      commands({ url: (s) => (s === 'registry' ? platform.registry.url : instance.url) }, teams, {
        reporters: 8,
        registrars: 1,
        authorization,
      }),
    );
    // Clients alternate between the two instances, as a Service would spread them.
    const load = startLoad({
      clients: 9,
      next: (c, n) => (perInstance[c % 2] ?? perInstance[0])!(c, n),
      pauseMs: 30,
    });
    await sleep(4_000);
    const victims = [await relayLeader('activity'), await relayLeader('kpi')];
    for (const victim of victims) victim?.process.child.kill('SIGKILL');
    await sleep(6_000);
    await load.stop();
    const drainMs = await quiet(platform, kafka, 180_000);

    const counts = load.ledger.counts();
    process.stdout.write(
      `two instances: ${JSON.stringify(counts)}; drained in ${drainMs} ms after the load\n`,
    );
    expect(victims.map((v) => v?.service)).toEqual(['activity', 'kpi']);
    // Reports accepted before and after the kill (the machine's load decides how many).
    expect(load.ledger.ids('activity', 'ok').length).toBeGreaterThan(50);
    const checks = await ledgerChecks(platform, load.ledger, kafka);
    process.stdout.write(`${JSON.stringify(checks.map((c) => ({ [c.id]: c.counts })))}\n`);
    expect(checks.filter((c) => !c.held)).toEqual([]);
    const counted = Object.fromEntries(checks.map((c) => [c.id, c.counts]));
    expect(counted['a']).toMatchObject({ lost: 0, refusedButStored: 0 });
    expect(counted['b']).toMatchObject({ notPublished: 0, notInStore: 0 });

    await expectStoredOnce(load.ledger.ids('activity', 'ok'));
    await expectAppliedOnce();

    // The survivors took over: they lead the relays and own every partition of their groups.
    const groups = groupsOf(platform);
    for (const group of [groups.activity, groups.kpi]) expect(await split(group, 1)).toHaveLength(1);
    for (const [i, service] of (['activity', 'kpi'] as const).entries()) {
      const leader = await until(
        () => relayLeader(service),
        (l) => l !== undefined,
        30_000,
      );
      expect(leader?.name).not.toBe(victims[i]?.name);
    }
  }, 400_000);
});
