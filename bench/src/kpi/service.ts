// The KPI service as the bench drives it: its compiled entry on a fresh database, every topic
// under the run's prefix (the bench's calls to it: http-client.ts).
import { type RunningService, builtService, startHttpService } from '@nhip/testing';
import { benchNodeFlags } from '../activity-stack.ts';

export function startKpi(topicPrefix: string): Promise<RunningService> {
  return startHttpService({
    entry: builtService('kpi'),
    envPrefix: 'KPI',
    purpose: 'bench_kpi',
    // No heap of its own: the rebuild must fit under the 1 GB ceiling every service runs with
    // (ADR 0036, 0038).
    env: { NHIP_TOPIC_PREFIX: topicPrefix },
    // BENCH_NODE_FLAGS, as the other stacks take them: a GC setting or a CPU profile of the service.
    nodeFlags: benchNodeFlags,
  });
}
