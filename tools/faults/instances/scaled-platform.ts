// The platform as the manifests run it (deploy/k8s: two replicas of a service on one database and
// one broker): the registry once, activity and kpi twice each, every instance a compiled service in
// a child process on a port of its own, both copies of a service sharing its database, its topic
// namespace and so its consumer groups (docs/adr/0032). No supervisor: a killed instance stays dead,
// so what happens next is the survivor's doing.
import { randomUUID } from 'node:crypto';
import { createMessaging, kafkaConnectionFromEnv } from '@nhip/messaging';
import { type FixtureProcess, freePort, builtService, startFixture } from '@nhip/testing';
import pg from 'pg';
import { adminUrl } from '../ledger/platform.ts';
import { databaseUrl, type PlatformDatabases } from '../ledger/service-targets.ts';

export type Scaled = 'activity' | 'kpi';

export interface Instance {
  /** e.g. activity-1 */
  readonly name: string;
  readonly service: string;
  readonly url: string;
  readonly process: FixtureProcess;
}

async function launch(service: string, n: number, env: Record<string, string>): Promise<Instance> {
  const port = await freePort();
  const variable = service.toUpperCase();
  const process = startFixture(
    builtService(service),
    {
      ...env,
      [`${variable}_PORT`]: String(port),
      [`${variable}_DATABASE`]: env[`${variable}_DATABASE`] ?? '',
    },
    { fromSource: false },
  );
  return { name: `${service}-${n}`, service, url: `http://127.0.0.1:${port}`, process };
}

export class ScaledPlatform {
  readonly topicPrefix: string;
  // Training is not started here; its name only completes the fault ledger's database list.
  readonly databases: PlatformDatabases;
  readonly registry: Instance;
  readonly instances: Record<Scaled, Instance[]>;

  private constructor(
    topicPrefix: string,
    databases: ScaledPlatform['databases'],
    registry: Instance,
    instances: Record<Scaled, Instance[]>,
  ) {
    this.topicPrefix = topicPrefix;
    this.databases = databases;
    this.registry = registry;
    this.instances = instances;
  }

  /** Registry first (the others replicate it), then both copies of activity and kpi at once. */
  static async start(copies = 2): Promise<ScaledPlatform> {
    const id = randomUUID().slice(0, 6);
    const databases = {
      adminUrl: adminUrl(),
      registry: `scaled_${id}_registry`,
      activity: `scaled_${id}_activity`,
      training: `scaled_${id}_training`,
      kpi: `scaled_${id}_kpi`,
    };
    const shared = { DATABASE_URL: databases.adminUrl, NHIP_TOPIC_PREFIX: `s${id}.` };
    const registry = await launch('registry', 1, { ...shared, REGISTRY_DATABASE: databases.registry });
    await registry.process.ready;
    const start = (service: Scaled, database: string) =>
      Promise.all(
        Array.from({ length: copies }, (_, i) =>
          launch(service, i + 1, { ...shared, [`${service.toUpperCase()}_DATABASE`]: database }),
        ),
      );
    const instances = {
      activity: await start('activity', databases.activity),
      kpi: await start('kpi', databases.kpi),
    };
    const platform = new ScaledPlatform(shared.NHIP_TOPIC_PREFIX, databases, registry, instances);
    await Promise.all(platform.all().map((i) => i.process.ready));
    return platform;
  }

  all(): Instance[] {
    return [this.registry, ...this.instances.activity, ...this.instances.kpi];
  }

  databaseUrl(service: 'registry' | Scaled): string {
    return databaseUrl(this.databases.adminUrl, this.databases[service]);
  }

  /** Stops what still runs, then drops the run's databases and topics. */
  async stop(): Promise<void> {
    await Promise.all(this.all().map((i) => i.process.stop()));
    const admin = new pg.Client({ connectionString: this.databases.adminUrl });
    await admin.connect();
    for (const db of [this.databases.registry, this.databases.activity, this.databases.kpi])
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    const messaging = createMessaging(kafkaConnectionFromEnv('scaled-cleanup'));
    const topics = (await messaging.admin.listTopics()).filter((t) => t.startsWith(this.topicPrefix));
    await messaging.admin.deleteTopics(topics);
    await messaging.close();
  }
}
