// The registry and activity services as compiled child processes on databases of their own, with
// teams registered and replicated, so every report a benchmark sends is one the service accepts.
// Shared by bench:ingest and bench:command.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { activityKinds } from '@nhip/contracts';
import { eventually, type Reply, type RunningService, builtService, startHttpService } from '@nhip/testing';
import pg from 'pg';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/**
 * Node flags after the services' own (`BENCH_NODE_FLAGS='--heap-growing-percent=25'`), so a GC
 * setting can be measured against the current one on the same machine before it is adopted in
 * serviceNodeFlags (docs/adr/0042).
 */
export const benchNodeFlags: readonly string[] = (process.env['BENCH_NODE_FLAGS'] ?? '')
  .split(' ')
  .filter(Boolean);
const kinds = Object.keys(activityKinds);

export interface Team {
  readonly teamId: string;
  readonly place: string;
}

export interface ActivityStack {
  readonly activity: RunningService;
  /** The activity service's own database, to watch its outbox and read what it wrote. */
  readonly pool: pg.Pool;
  readonly teams: readonly Team[];
}

/** Compiled and bundled as they ship (tools/bundle/build-services.ts, docs/adr/0045). */
export function buildServices(): void {
  const built = spawnSync(process.execPath, [path.join(repo, 'tools/bundle/build-services.ts')], {
    cwd: repo,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('The build failed.');
}

/**
 * Starts both services with every topic under `topicPrefix`, then registers `teams` teams.
 * `onStarted` receives each stop step as soon as there is something to stop, so a failure
 * half-way still leaves nothing running.
 */
export async function startActivityStack(
  topicPrefix: string,
  teams: number,
  onStarted: (stop: () => Promise<void>) => void,
): Promise<ActivityStack> {
  const env = { NHIP_TOPIC_PREFIX: topicPrefix };
  const start = async (name: string, envPrefix: string): Promise<RunningService> => {
    const service = await startHttpService({
      entry: builtService(name),
      envPrefix,
      purpose: `bench_${name}`,
      env,
      nodeFlags: benchNodeFlags,
    });
    onStarted(() => service.stop());
    return service;
  };
  const registry = await start('registry', 'REGISTRY');
  const activity = await start('activity', 'ACTIVITY');
  const url = new URL(process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '');
  url.pathname = `/${activity.database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  onStarted(() => pool.end());
  const registered = await registerTeams(registry, teams);
  await eventually(
    async () =>
      (await activity.sql<{ n: number }>('SELECT count(*)::int AS n FROM replica_teams'))[0]?.n ===
      registered.length,
    { timeoutMs: 60_000 },
  );
  return { activity, pool, teams: registered };
}

/**
 * The reply's body when the registry took the write; else an error saying what it answered. Unchecked,
 * a refused write (an issuer that is not running: 503 issuer-unavailable) surfaced a minute later as
 * the replica's wait timing out, with no word of why.
 */
function accepted<T>(what: string, reply: Reply<T>): T {
  if (reply.status >= 200 && reply.status < 300) return reply.body;
  throw new Error(`The registry answered ${reply.status} to ${what}: ${JSON.stringify(reply.body)}`);
}

async function registerTeams(registry: RunningService, count: number): Promise<Team[]> {
  const tree = fs.readFileSync(path.join(repo, 'apps/registry/src/fixtures/dak-lak-pilot-2025.csv'));
  const imported = await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree, {
    'content-type': 'text/csv',
  });
  accepted("the pilot's unit tree", imported);
  const teams: Team[] = [];
  for (let i = 0; i < count; i++) {
    const commune = i % 2 === 0 ? '24175' : '24343';
    const village = accepted(
      `village ${i + 1}`,
      await registry.post<{ code: string }>(`/units/${commune}/villages`, {
        name: `Thôn ${i + 1}`,
        type: 'Thôn',
      }),
    );
    const team = await registry.post<{ teamId: string }>('/teams', {
      name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
      teamType: 'community_digital_technology',
      unitCode: village.code,
      decision: { number: `${i + 1}/QĐ-UBND`, date: '2025-08-01' },
    });
    teams.push({ teamId: accepted(`team ${i + 1}`, team).teamId, place: village.code });
  }
  return teams;
}

/** The i-th report of a run: a team in turn, every kind, dated within the last 30 days. */
export function validReport(teams: readonly Team[], i: number, now = Date.now()): Record<string, unknown> {
  const team = teams[i % teams.length] as Team;
  return {
    activityId: randomUUID(),
    teamId: team.teamId,
    placeCode: team.place,
    kind: kinds[i % kinds.length],
    residentsHelped: 1 + (i % 40),
    occurredAt: new Date(now - (i % 30) * 86_400_000 - 3_600_000).toISOString(),
  };
}
