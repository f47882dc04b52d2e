// The services the dashboard reads, compiled, on the real broker and database, with the projection
// serving the built dashboard and its API as in a deployment; seeded with the cases of the domain
// brief in the 2024 tree: Thanh Khê Đông's VNeID against its target of 9,950,
// and Đắk Lắk's Hòa Phú and Phú Lộc with villages, teams and reports.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eventually, type RunningService, startBuiltService, uniqueTopicPrefix } from '@nhip/testing';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Platform {
  readonly registry: RunningService;
  readonly activity: RunningService;
  readonly kpi: RunningService;
  /** The dashboard's server: its files (apps/ioc-web/dist, built before) and the projection API. */
  readonly projection: RunningService;
  stop(): Promise<void>;
}

/** `moreUnits2024`: rows a spec adds to the 2024 tree (a commune the reform merged, say). */
export async function startPlatform({ moreUnits2024 = '' } = {}): Promise<Platform> {
  const topicPrefix = uniqueTopicPrefix();
  const shared = { NHIP_TOPIC_PREFIX: topicPrefix };
  const registry = await startBuiltService('registry', 'ioc_web', shared);
  const activity = await startBuiltService('activity', 'ioc_web', {
    ...shared,
    ACTIVITY_LATE_WINDOW_DAYS: '3650',
  });
  const training = await startBuiltService('training', 'ioc_web', { ...shared, REGISTRY_URL: registry.base });
  const kpi = await startBuiltService('kpi', 'ioc_web', shared);
  const projection = await startBuiltService('projection', 'ioc_web', {
    ...shared,
    KPI_URL: kpi.base,
    REGISTRY_URL: registry.base,
    PROJECTION_WEB_DIR: path.join(repo, 'apps', 'ioc-web', 'dist'),
  });
  const units =
    fs.readFileSync(path.join(repo, 'apps', 'kpi', 'src', 'fixtures', 'units-2024.csv'), 'utf8') +
    moreUnits2024;
  const imported = await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2024-01-01', units, {
    'content-type': 'text/csv',
  });
  if (imported.status >= 300) throw new Error(`tree import: ${imported.status}`);
  return {
    registry,
    activity,
    kpi,
    projection,
    stop: async () => {
      await projection.stop();
      await Promise.all([kpi.stop(), training.stop(), activity.stop(), registry.stop()]);
    },
  };
}

// A village under the commune with an active team (registered through the registry's API).
export { villageWithTeam } from '@nhip/testing';

export async function report(
  activity: RunningService,
  team: { village: string; teamId: string },
  residentsHelped: number,
  occurredAt: string,
): Promise<void> {
  await eventually(
    async () => {
      const reply = await activity.post('/activities', {
        activityId: randomUUID(),
        teamId: team.teamId,
        placeCode: team.village,
        kind: 'vneid_activation',
        residentsHelped,
        occurredAt,
      });
      if (reply.status === 422) return undefined;
      if (reply.status !== 201) throw new Error(`activity: ${reply.status} ${JSON.stringify(reply.body)}`);
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}

/** A unit's 2024 figures, as the KPI service and as the projection (the dashboard's source) show them. */
export const kpiView = (code: string) => `/units/${code}/indicators?period=2024`;
export const summaryOf = (code: string) => `/api/units/${code}/summary?period=2024`;

/** Waits until a service's view of a unit (kpiView, summaryOf) shows an indicator as expected. */
export async function figureReaches(
  service: RunningService,
  [route, id]: [route: string, id: string],
  done: (numerator: number | null) => boolean,
): Promise<void> {
  await eventually(
    async () => {
      const reply = await service.get<{ indicators: { id: string; numerator: number | null }[] }>(route);
      if (reply.status !== 200) return undefined;
      return done(reply.body.indicators.find((i) => i.id === id)?.numerator ?? null) || undefined;
    },
    { timeoutMs: 60_000, intervalMs: 250 },
  );
}
