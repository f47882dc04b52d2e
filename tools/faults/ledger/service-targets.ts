// The ledger targets of the services the faults check. Each runs the service's shipped
// `dist/check-read-models.js` for check (d): the projections are the service's own code, and a
// tool drives a service only through its published entry points.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { publicTopics } from '@nhip/contracts';
import type { TableComparison } from '@nhip/event-sourcing';
import pg from 'pg';
import { repoRoot } from '../../infra/config.ts';
import type { LedgerTarget } from './target.ts';

export interface PlatformDatabases {
  readonly adminUrl: string;
  readonly registry: string;
  readonly activity: string;
  readonly training: string;
  readonly kpi: string;
  /** Only where the projection runs (the fault platform). */
  readonly projection?: string;
}

export const databaseUrl = (adminUrl: string, database: string): string => {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
};

function checkReadModels(
  service: string,
  env: Record<string, string>,
  stdin = '',
): Promise<TableComparison[]> {
  const entry = path.join(repoRoot, 'apps', service, 'dist', 'check-read-models.js');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: 'pipe' });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`${service} check-read-models exited ${code}: ${err}`));
      else resolve((JSON.parse(out) as { tables: TableComparison[] }).tables);
    });
    child.stdin.end(stdin);
  });
}

export function registryTarget(dbs: PlatformDatabases): LedgerTarget {
  return {
    service: 'registry',
    databaseUrl: databaseUrl(dbs.adminUrl, dbs.registry),
    publishedTopics: [publicTopics.registryUnit, publicTopics.registryTeam, publicTopics.registryMember],
    consumerGroups: [],
    streamOf: (teamId) => `team-${teamId}`,
    compareReadModels: () =>
      checkReadModels('registry', { DATABASE_URL: dbs.adminUrl, REGISTRY_DATABASE: dbs.registry }),
  };
}

/** A service's public events as its store committed them, one JSON object a line: a rebuild's input. */
async function committedEvents(url: string, topics: readonly string[]): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ line: string }>(
      `SELECT json_build_object('message_id', message_id, 'type', type, 'source', source,
                                'subject', subject, 'time', occurred_at, 'data', data)::text AS line
         FROM es_outbox WHERE topic = ANY($1) ORDER BY tx_id, id`,
      [topics],
    );
    return rows.map((r) => `${r.line}\n`).join('');
  } finally {
    await client.end();
  }
}

const committedRegistryEvents = (registryUrl: string) =>
  committedEvents(registryUrl, [publicTopics.registryUnit, publicTopics.registryTeam]);

export function activityTarget(dbs: PlatformDatabases, topicPrefix: string): LedgerTarget {
  return {
    service: 'activity',
    databaseUrl: databaseUrl(dbs.adminUrl, dbs.activity),
    publishedTopics: [publicTopics.activity, publicTopics.campaign],
    consumerGroups: [
      {
        group: `${topicPrefix}activity.registry-replica`,
        topics: [publicTopics.registryUnit, publicTopics.registryTeam].map((t) => `${topicPrefix}${t}`),
      },
    ],
    streamOf: (activityId) => `activity-${activityId}`,
    compareReadModels: async () =>
      checkReadModels(
        'activity',
        { DATABASE_URL: dbs.adminUrl, ACTIVITY_DATABASE: dbs.activity },
        await committedRegistryEvents(databaseUrl(dbs.adminUrl, dbs.registry)),
      ),
  };
}

/** What the KPI service consumes, by the store that committed it. */
const kpiInputs = {
  registry: [publicTopics.registryUnit, publicTopics.registryTeam],
  training: [publicTopics.trainingAttendance],
  activity: [publicTopics.activity],
} as const;

/**
 * The KPI service (issue 13): its totals beside a recomputation from the three event stores
 * (registry, then training, then activity, each in commit order), made by its own code.
 */
export function kpiTarget(dbs: PlatformDatabases, topicPrefix: string): LedgerTarget {
  const url = (db: string) => databaseUrl(dbs.adminUrl, db);
  return {
    service: 'kpi',
    databaseUrl: url(dbs.kpi),
    publishedTopics: [publicTopics.kpiIndicator],
    consumerGroups: [
      {
        group: `${topicPrefix}kpi.inputs`,
        topics: Object.values(kpiInputs)
          .flat()
          .map((t) => `${topicPrefix}${t}`),
      },
    ],
    // No commands: every KPI number is derived from other services' events.
    streamOf: (id) => `kpi-${id}`,
    compareReadModels: async () => {
      const events = await Promise.all([
        committedEvents(url(dbs.registry), kpiInputs.registry),
        committedEvents(url(dbs.training), kpiInputs.training),
        committedEvents(url(dbs.activity), kpiInputs.activity),
      ]);
      return checkReadModels('kpi', { DATABASE_URL: dbs.adminUrl, KPI_DATABASE: dbs.kpi }, events.join(''));
    },
  };
}
