// The registry, activity, KPI and projection services, compiled, each started with the telemetry module
// (`node --import`) writing its spans to one file: what the trace spec follows a report through.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  eventually,
  startBuiltService,
  uniqueTopicPrefix,
  villageWithTeam as registeredVillageWithTeam,
  type RunningService,
} from '@nhip/testing';
import { repoRoot } from '../infra/config.ts';

export const telemetryEntry = path.join(repoRoot, 'libs', 'telemetry', 'dist', 'register.js');

export interface TracedPlatform {
  readonly registry: RunningService;
  readonly activity: RunningService;
  readonly kpi: RunningService;
  readonly projection: RunningService;
  readonly topicPrefix: string;
  readonly traceFile: string;
  stop(): Promise<void>;
}

export async function startTracedPlatform(): Promise<TracedPlatform> {
  const topicPrefix = uniqueTopicPrefix();
  const traceFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-trace-')), 'spans.jsonl');
  const shared = {
    NHIP_TOPIC_PREFIX: topicPrefix,
    NHIP_TRACE_FILE: traceFile,
    NODE_OPTIONS: `--import ${telemetryEntry}`,
  };
  const registry = await startBuiltService('registry', 'trace', shared);
  const activity = await startBuiltService('activity', 'trace', {
    ...shared,
    ACTIVITY_LATE_WINDOW_DAYS: '3650',
  });
  const kpi = await startBuiltService('kpi', 'trace', shared);
  const projection = await startBuiltService('projection', 'trace', { ...shared, KPI_URL: kpi.base });
  return {
    registry,
    activity,
    kpi,
    projection,
    topicPrefix,
    traceFile,
    stop: async () => {
      await Promise.all([projection.stop(), kpi.stop(), activity.stop(), registry.stop()]);
      fs.rmSync(path.dirname(traceFile), { recursive: true, force: true });
    },
  };
}

/** A village under a commune of the loaded tree, and a team there; returns both codes. */
export async function villageWithTeam(
  registry: RunningService,
  commune: string,
): Promise<{ place: string; teamId: string }> {
  const { village, teamId } = await registeredVillageWithTeam(registry, commune, 'Thôn 3');
  return { place: village, teamId };
}

/** Posts a report until the activity service's replica knows the team (422 until then). */
export async function postReport(
  activity: RunningService,
  report: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<void> {
  await eventually(
    async () => {
      const reply = await activity.post('/activities', report, headers);
      if (reply.status === 422) return undefined;
      if (reply.status !== 201) throw new Error(`activity: ${reply.status} ${JSON.stringify(reply.body)}`);
      return true;
    },
    { timeoutMs: 30_000, intervalMs: 250 },
  );
}
