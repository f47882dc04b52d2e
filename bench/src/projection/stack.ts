// The registry, activity, KPI and projection services as compiled child processes on databases of
// their own, one topic namespace, the Đắk Lắk pilot tree (2025) and teams registered and known to
// every service: what bench:e2e and bench:fanout run against. Every step that starts something
// hands its stop to `onStarted`, so a failure half-way leaves nothing running.
import fs from 'node:fs';
import path from 'node:path';
import { eventually, type RunningService, builtService, startHttpService } from '@nhip/testing';
import { benchNodeFlags, repo, type Team } from '../activity-stack.ts';
import { collectsOnRequest } from './full-gc.ts';

export interface ProjectionStack {
  readonly registry: RunningService;
  readonly activity: RunningService;
  readonly kpi: RunningService;
  readonly projection: RunningService;
  readonly teams: readonly Team[];
  /** Each service's process id, for its memory. */
  readonly pids: Record<string, number>;
}

const portOf = (service: RunningService) => new URL(service.base).port;

/** The process whose environment says it listens on that port (the fixture sets <PREFIX>_PORT). */
export function pidOf(variable: string, port: string): number {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const environ = fs.readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0');
      if (environ.includes(`${variable}=${port}`)) return Number(entry);
    } catch {
      // Another user's process, or one that just exited.
    }
  }
  throw new Error(`No process with ${variable}=${port}.`);
}

export async function startProjectionStack(
  topicPrefix: string,
  teams: number,
  onStarted: (stop: () => Promise<void>) => void,
): Promise<ProjectionStack> {
  const start = async (name: string, env: Record<string, string> = {}): Promise<RunningService> => {
    const service = await startHttpService({
      entry: builtService(name),
      envPrefix: name.toUpperCase(),
      purpose: `bench_${name}`,
      env: { NHIP_TOPIC_PREFIX: topicPrefix, ...env },
      nodeFlags: benchNodeFlags,
    });
    onStarted(() => service.stop());
    return service;
  };
  const [registry, activity, kpi] = await Promise.all([start('registry'), start('activity'), start('kpi')]);
  const projection = await start('projection', {
    KPI_URL: kpi.base,
    REGISTRY_URL: registry.base,
    ...collectsOnRequest(),
  });
  const registered = await registerTeams(registry, teams);
  await eventually(
    async () =>
      (await activity.sql<{ n: number }>('SELECT count(*)::int AS n FROM replica_teams'))[0]?.n ===
        registered.length &&
      // The projection keeps the registry's units only (ADR 0061): it is ready once it knows
      // every team's village, where the KPI values the stream carries are placed.
      (
        await projection.sql<{ n: number }>(
          'SELECT count(DISTINCT code)::int AS n FROM replica_units WHERE code = ANY($1)',
          [registered.map((t) => t.place)],
        )
      )[0]?.n === registered.length,
    { timeoutMs: 60_000 },
  );
  const services = { registry, activity, kpi, projection };
  const pids = Object.fromEntries(
    Object.entries(services).map(([name, s]) => [name, pidOf(`${name.toUpperCase()}_PORT`, portOf(s))]),
  );
  return { ...services, teams: registered, pids };
}

async function registerTeams(registry: RunningService, count: number): Promise<Team[]> {
  const tree = fs.readFileSync(path.join(repo, 'apps/registry/src/fixtures/dak-lak-pilot-2025.csv'));
  await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree, {
    'content-type': 'text/csv',
  });
  const teams: Team[] = [];
  for (let i = 0; i < count; i++) {
    const commune = i % 2 === 0 ? '24175' : '24343';
    const village = await registry.post<{ code: string }>(`/units/${commune}/villages`, {
      name: `Thôn ${i + 1}`,
      type: 'Thôn',
    });
    const team = await registry.post<{ teamId: string }>('/teams', {
      name: `Tổ công nghệ số cộng đồng thôn ${i + 1}`,
      teamType: 'community_digital_technology',
      unitCode: village.body.code,
      decision: { number: `${i + 1}/QĐ-UBND`, date: '2025-08-01' },
    });
    teams.push({ teamId: team.body.teamId, place: village.body.code });
  }
  return teams;
}

/** Resident set size of a process in MB (from /proc; 0 once it has exited). */
export function rssMb(pid: number): number {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return kb / 1024;
  } catch {
    return 0;
  }
}
