// The platform a fault runs against, as `npm start` runs it: registry and activity compiled, each
// under its own supervisor (ADR 0017) that restarts it with backoff, against the real broker and
// PostgreSQL. Each run has databases and a topic namespace of its own, so its ledger starts empty.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { createMessaging, kafkaConnectionFromEnv } from '@nhip/messaging';
import { freePort } from '@nhip/testing';
import pg from 'pg';
import { infraDir } from '../../infra/config.ts';
import { defaultBackoff } from '../../platform/backoff.ts';
import {
  platformServices,
  serviceUrl,
  startSupervisor,
  type ServiceDefinition,
} from '../../platform/services.ts';
import { isRunning, readState, type SupervisionFiles } from '../../platform/supervision.ts';
import { activityTarget, kpiTarget, registryTarget, type PlatformDatabases } from './service-targets.ts';
import { peersOf, projectionTarget } from './peers.ts';
import type { LedgerTarget } from './target.ts';
import { crashesIn, type Crash } from './crashes.ts';

export type ServiceName = 'registry' | 'activity' | 'training' | 'kpi' | 'projection';

export interface PlatformOptions {
  /** Names the run's folder, databases and logs. */
  readonly run: string;
  /** Extra environment per service: a database or broker behind a fault proxy, failpoints. */
  readonly env?: Partial<Record<ServiceName, Record<string, string>>>;
  /** The services to run (registry and activity unless a fault needs more, as the KPI's does). */
  readonly services?: readonly ServiceName[];
}

export const adminUrl = (): string => {
  const url = process.env['NHIP_POSTGRES_ADMIN_URL'] ?? process.env['DATABASE_URL'];
  if (!url) throw new Error('No PostgreSQL admin URL: run through npm run faults or the test tiers.');
  return url;
};

interface Supervised {
  readonly definition: ServiceDefinition;
  readonly files: SupervisionFiles;
  readonly supervisor: number;
}

interface RunPlace {
  readonly dir: string;
  readonly topicPrefix: string;
  readonly database: string;
  readonly adminUrl: string;
}

/** Starts one service under its own supervisor, on a free port, in the run's folder. */
async function supervise(
  shipped: ServiceDefinition,
  run: RunPlace,
  extraEnv: Record<string, string> = {},
): Promise<Supervised> {
  const name = shipped.name;
  const variable = name.toUpperCase();
  // A port of its own: a developer's npm start on the usual ports must not answer for it.
  const port = await freePort();
  const definition = { ...shipped, port, env: { [`${variable}_PORT`]: String(port) } };
  const files = {
    outputFile: path.join(run.dir, `${name}.log`),
    eventLog: path.join(run.dir, `${name}.supervisor.log`),
    stateFile: path.join(run.dir, `${name}.state.json`),
    pidFile: path.join(run.dir, `${name}.pid`),
  };
  const env = {
    ...process.env,
    ...definition.env,
    DATABASE_URL: run.adminUrl,
    [`${variable}_DATABASE`]: run.database,
    NHIP_TOPIC_PREFIX: run.topicPrefix,
    NHIP_FAILPOINT_MARKS: path.join(run.dir, 'marks'),
    ...extraEnv,
  };
  const spec = {
    service: name,
    command: process.execPath,
    args: [definition.entry],
    files,
    backoff: defaultBackoff,
    stopGraceMs: 10_000,
  };
  return { definition, files, supervisor: startSupervisor(spec, env) };
}

export class FaultPlatform {
  readonly dir: string;
  readonly topicPrefix: string;
  readonly databases: PlatformDatabases;
  readonly #services: Map<ServiceName, Supervised>;

  private constructor(
    dir: string,
    topicPrefix: string,
    databases: PlatformDatabases,
    services: Map<ServiceName, Supervised>,
  ) {
    this.dir = dir;
    this.topicPrefix = topicPrefix;
    this.databases = databases;
    this.#services = services;
  }

  static async start(options: PlatformOptions): Promise<FaultPlatform> {
    const id = randomUUID().slice(0, 6);
    const dir = path.join(infraDir, 'faults', `${options.run}-${id}`);
    fs.mkdirSync(path.join(dir, 'marks'), { recursive: true });
    const topicPrefix = `f${id}.`;
    const databases = {
      adminUrl: adminUrl(),
      registry: `faults_${id}_registry`,
      activity: `faults_${id}_activity`,
      training: `faults_${id}_training`,
      kpi: `faults_${id}_kpi`,
      projection: `faults_${id}_projection`,
    };
    const wanted = new Set(options.services ?? ['registry', 'activity']);
    const services = new Map<ServiceName, Supervised>();
    for (const shipped of platformServices().filter((s) => wanted.has(s.name as ServiceName))) {
      const name = shipped.name as ServiceName;
      const run = { dir, topicPrefix, database: databases[name], adminUrl: databases.adminUrl };
      const env = { ...peersOf(name, services), ...options.env?.[name] };
      services.set(name, await supervise(shipped, run, env));
    }
    const platform = new FaultPlatform(dir, topicPrefix, databases, services);
    try {
      await platform.waitReady(90_000);
    } catch (error) {
      await platform.stop();
      throw error;
    }
    return platform;
  }

  url(service: ServiceName): string {
    return serviceUrl(this.#service(service).definition);
  }

  #service(name: ServiceName) {
    const service = this.#services.get(name);
    if (!service) throw new Error(`No ${name} in this platform.`);
    return service;
  }

  /** Ready, and answered by this service: on a port two services were given, the other would. */
  async ready(service: ServiceName): Promise<boolean> {
    try {
      const reply = await fetch(`${this.url(service)}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      const body = (await reply.json()) as { service?: string };
      return reply.status === 200 && body.service === service;
    } catch {
      return false;
    }
  }

  /** Waits until every service answers ready; resolves with the time it took. */
  async waitReady(timeoutMs: number): Promise<number> {
    const started = Date.now();
    for (const name of this.#services.keys()) {
      while (!(await this.ready(name))) {
        if (Date.now() - started > timeoutMs)
          throw new Error(
            `${name} not ready within ${timeoutMs} ms; see ${this.#service(name).files.outputFile}`,
          );
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    return Date.now() - started;
  }

  /** The service's pid and how often its supervisor restarted it. */
  state(service: ServiceName): { pid: number | null; restarts: number } {
    const state = readState(this.#service(service).files.stateFile);
    return { pid: state?.pid ?? null, restarts: state?.restarts ?? 0 };
  }

  /** kill -9 of the service process (its supervisor starts it again). */
  kill(service: ServiceName): void {
    const { pid } = this.state(service);
    if (pid === null || !isRunning(pid))
      throw new Error(`${service} is not running, so it cannot be killed.`);
    process.kill(pid, 'SIGKILL');
  }

  /** The services running, in start order. */
  services(): ServiceName[] {
    return [...this.#services.keys()];
  }

  targets(): LedgerTarget[] {
    const targets = [registryTarget(this.databases), activityTarget(this.databases, this.topicPrefix)];
    if (this.#services.has('kpi')) targets.push(kpiTarget(this.databases, this.topicPrefix));
    if (this.#services.has('projection')) targets.push(projectionTarget(this.databases, this.topicPrefix));
    return targets;
  }

  /** Its exits nobody planned (not a kill -9, not the final stop), with its last words. */
  crashes(service: ServiceName): Crash[] {
    const { eventLog, outputFile } = this.#service(service).files;
    const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');
    return crashesIn(read(eventLog), read(outputFile));
  }

  /** Stops the supervisors (and so the services), then drops the run's databases and topics. */
  async stop({ keepData = false } = {}): Promise<void> {
    for (const { supervisor } of this.#services.values()) await stopSupervisor(supervisor);
    if (keepData) return;
    const admin = new pg.Client({ connectionString: this.databases.adminUrl });
    await admin.connect();
    for (const db of this.services().map((name) => this.databases[name]))
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await admin.end();
    const messaging = createMessaging(kafkaConnectionFromEnv('fault-cleanup'));
    const topics = (await messaging.admin.listTopics()).filter((t) => t.startsWith(this.topicPrefix));
    await messaging.admin.deleteTopics(topics);
    await messaging.close();
  }
}

/** SIGTERM to a supervisor, which stops its service without a restart; waits up to 20 s. */
async function stopSupervisor(pid: number): Promise<void> {
  if (!isRunning(pid)) return;
  process.kill(pid, 'SIGTERM');
  for (let i = 0; i < 200 && isRunning(pid); i++) await new Promise((r) => setTimeout(r, 100));
}
