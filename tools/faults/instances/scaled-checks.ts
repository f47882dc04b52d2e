// The ledger's checks (docs/adr/0020) for the two-instance run, and the waits between its steps.
import { publicTopics } from '@nhip/contracts';
import { pendingOutboxCount } from '@nhip/event-sourcing';
import pg from 'pg';
import type { CheckResult } from '../ledger/checks.ts';
import type { KafkaView } from '../ledger/kafka-view.ts';
import type { Ledger } from '../ledger/ledger.ts';
import { activityTarget } from '../ledger/service-targets.ts';
import {
  acknowledgedStored,
  contiguousVersions,
  nothingUnpublished,
  storeEqualsTopic,
} from '../ledger/store-checks.ts';
import type { ConsumerGroup, LedgerTarget } from '../ledger/target.ts';
import type { ScaledPlatform } from './scaled-platform.ts';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls until `test` holds for what `read` returns; throws with the last value after the timeout. */
export async function until<T>(
  read: () => Promise<T>,
  test: (value: T) => boolean,
  timeoutMs: number,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value !== undefined && test(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`Still not there after ${timeoutMs} ms: ${JSON.stringify(value)}`);
    await sleep(250);
  }
}

export function groupsOf(platform: ScaledPlatform): { activity: ConsumerGroup; kpi: ConsumerGroup } {
  const p = platform.topicPrefix;
  const activity = activityTarget(platform.databases, p).consumerGroups[0] as ConsumerGroup;
  const kpiTopics = [
    publicTopics.activity,
    publicTopics.registryUnit,
    publicTopics.registryTeam,
    publicTopics.trainingAttendance,
    'partner.statistics.v1',
  ];
  return { activity, kpi: { group: `${p}kpi.inputs`, topics: kpiTopics.map((t) => `${p}${t}`) } };
}

/** Every outbox row of both services published and both groups at their high watermarks. */
export async function quiet(platform: ScaledPlatform, kafka: KafkaView, timeoutMs: number): Promise<number> {
  const started = Date.now();
  const pools = (['activity', 'kpi'] as const).map(
    (s) => new pg.Pool({ connectionString: platform.databaseUrl(s), max: 1 }),
  );
  const groups = Object.values(groupsOf(platform));
  try {
    await until(
      async () => [
        ...(await Promise.all(pools.map((p) => pendingOutboxCount(p)))),
        ...(await Promise.all(groups.map((g) => kafka.lag(g)))),
      ],
      (counts) => counts.every((n) => n === 0),
      timeoutMs,
    );
    return Date.now() - started;
  } finally {
    await Promise.all(pools.map((p) => p.end()));
  }
}

function targets(platform: ScaledPlatform): LedgerTarget[] {
  const activity = activityTarget(platform.databases, platform.topicPrefix);
  const kpi: LedgerTarget = {
    service: 'kpi',
    databaseUrl: platform.databaseUrl('kpi'),
    publishedTopics: [publicTopics.kpiIndicator],
    consumerGroups: [groupsOf(platform).kpi],
    streamOf: (id) => id,
    compareReadModels: () => Promise.resolve([]),
  };
  return [activity, kpi];
}

/** (a) acknowledged = stored, (b) store = distinct ids on the topics, (c) nothing unpublished, (e). */
export async function ledgerChecks(
  platform: ScaledPlatform,
  ledger: Ledger,
  kafka: KafkaView,
): Promise<CheckResult[]> {
  const opened = targets(platform).map((target) => ({
    target,
    db: new pg.Pool({ connectionString: target.databaseUrl, max: 2 }),
  }));
  const input = {
    targets: opened.map((o) => o.target),
    ledger,
    kafka,
    topicPrefix: platform.topicPrefix,
    poisonInjected: 0,
  };
  try {
    return [
      await acknowledgedStored(input, opened),
      await storeEqualsTopic(input, opened),
      await nothingUnpublished(opened),
      await contiguousVersions(opened),
    ];
  } finally {
    await Promise.all(opened.map((o) => o.db.end()));
  }
}

/** Rows of a query on one service's database. */
export async function query<T extends pg.QueryResultRow>(
  url: string,
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
