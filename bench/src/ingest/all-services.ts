// P5 and P9 ask for the ingest measured with every service running: the registry, activity, KPI,
// projection (startProjectionStack) and training, each a compiled child process on its own database.
// The KPI service and the projection consume what the ingest publishes while it runs, as they would.
import { builtService, startHttpService } from '@nhip/testing';
import pg from 'pg';
import { benchNodeFlags, type ActivityStack } from '../activity-stack.ts';
import { pidOf, startProjectionStack } from '../projection/stack.ts';

export interface AllServices extends ActivityStack {
  /** Each service's process id, for its memory. */
  readonly pids: Record<string, number>;
}

export async function startAllServices(
  topicPrefix: string,
  teams: number,
  onStarted: (stop: () => Promise<void>) => void,
): Promise<AllServices> {
  const stack = await startProjectionStack(topicPrefix, teams, onStarted);
  const training = await startHttpService({
    entry: builtService('training'),
    envPrefix: 'TRAINING',
    purpose: 'bench_training',
    env: { NHIP_TOPIC_PREFIX: topicPrefix, REGISTRY_URL: stack.registry.base },
    nodeFlags: benchNodeFlags,
  });
  onStarted(() => training.stop());
  const url = new URL(process.env['NHIP_POSTGRES_ADMIN_URL'] ?? '');
  url.pathname = `/${stack.activity.database}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 4 });
  onStarted(() => pool.end());
  const trainingPid = pidOf('TRAINING_PORT', new URL(training.base).port);
  return {
    activity: stack.activity,
    pool,
    teams: stack.teams,
    pids: { ...stack.pids, training: trainingPid },
  };
}
