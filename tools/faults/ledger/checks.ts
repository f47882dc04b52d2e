// Checks (a)–(g) of ../shared/quality-bars.md after a fault and quiescence, as data: each held or
// not, with the counts that decide it (docs/adr/0020).
import { pendingOutboxCount } from '@nhip/event-sourcing';
import pg from 'pg';
import type { KafkaView } from './kafka-view.ts';
import type { Ledger } from './ledger.ts';
import type { LedgerTarget } from './target.ts';

export interface CheckResult {
  readonly id: 'a' | 'b' | 'c' | 'd' | 'e' | 'f' | 'g';
  readonly name: string;
  readonly held: boolean;
  readonly counts: Record<string, number>;
}

export interface CheckInput {
  readonly targets: readonly LedgerTarget[];
  readonly ledger: Ledger;
  readonly kafka: KafkaView;
  readonly topicPrefix: string;
  /** Poison messages the fault put on consumed topics. */
  readonly poisonInjected: number;
}

type Query = (text: string, values?: unknown[]) => Promise<Record<string, unknown>[]>;

async function withDatabases<T>(
  targets: readonly LedgerTarget[],
  work: (q: Map<string, Query>) => Promise<T>,
): Promise<T> {
  const pools = new Map(
    targets.map((t) => [t.service, new pg.Pool({ connectionString: t.databaseUrl, max: 2 })]),
  );
  const queries = new Map<string, Query>(
    [...pools].map(([s, pool]) => [s, async (text, values) => (await pool.query(text, values)).rows]),
  );
  try {
    return await work(queries);
  } finally {
    await Promise.all([...pools.values()].map((p) => p.end()));
  }
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

/** (a) every ok command stored; and, the other way, no definite refusal stored. */
async function acknowledgedStored(input: CheckInput, q: Map<string, Query>): Promise<CheckResult> {
  let ok = 0,
    lost = 0,
    failed = 0,
    refusedButStored = 0,
    unknown = 0,
    unknownStored = 0;
  for (const t of input.targets) {
    const stored = async (ids: string[]): Promise<number> => {
      const rows = await q.get(t.service)!(
        'SELECT count(*)::int AS n FROM es_streams WHERE stream_id = ANY($1)',
        [ids.map((id) => t.streamOf(id))],
      );
      return Number(rows[0]?.['n'] ?? 0);
    };
    const [okIds, failedIds, unknownIds] = (['ok', 'failed', 'unknown'] as const).map((o) =>
      input.ledger.ids(t.service, o),
    );
    ok += okIds!.length;
    lost += okIds!.length - (await stored(okIds!));
    failed += failedIds!.length;
    refusedButStored += await stored(failedIds!);
    unknown += unknownIds!.length;
    unknownStored += await stored(unknownIds!);
  }
  const counts = { ok, lost, failed, refusedButStored, unknown, unknownStored };
  return {
    id: 'a',
    name: 'every ok command is in the event store',
    held: lost === 0 && refusedButStored === 0,
    counts,
  };
}

/** (b) per published topic: the store's committed messages and the distinct ids on the topic, as sets. */
async function storeEqualsTopic(input: CheckInput, q: Map<string, Query>): Promise<CheckResult> {
  let committed = 0,
    onTopic = 0,
    distinctOnTopic = 0,
    notPublished = 0,
    notInStore = 0;
  for (const t of input.targets) {
    for (const topic of t.publishedTopics) {
      const rows = await q.get(t.service)!('SELECT message_id::text AS id FROM es_outbox WHERE topic = $1', [
        topic,
      ]);
      const stored = new Set(rows.map((r) => String(r['id'])));
      const messages = await input.kafka.read(`${input.topicPrefix}${topic}`);
      const ids = new Set(messages.map((m) => m.headers['ce_id'] ?? ''));
      committed += stored.size;
      onTopic += messages.length;
      distinctOnTopic += ids.size;
      notPublished += [...stored].filter((id) => !ids.has(id)).length;
      notInStore += [...ids].filter((id) => !stored.has(id)).length;
    }
  }
  const counts = {
    committed,
    onTopic,
    distinctOnTopic,
    duplicatesOnTopic: onTopic - distinctOnTopic,
    notPublished,
    notInStore,
  };
  return {
    id: 'b',
    name: 'store = distinct event ids on the topics',
    held: notPublished === 0 && notInStore === 0,
    counts,
  };
}

async function nothingUnpublished(input: CheckInput, q: Map<string, Query>): Promise<CheckResult> {
  const pending = await Promise.all(
    input.targets.map((t) =>
      pendingOutboxCount({
        query: async (text: string, values?: unknown[]) => ({ rows: await q.get(t.service)!(text, values) }),
      } as never),
    ),
  );
  return {
    id: 'c',
    name: 'no unpublished outbox rows',
    held: sum(pending) === 0,
    counts: { unpublished: sum(pending) },
  };
}

async function readModelsEqualRebuild(input: CheckInput): Promise<CheckResult> {
  const tables = (await Promise.all(input.targets.map((t) => t.compareReadModels()))).flat();
  const counts = {
    tables: tables.length,
    liveRows: sum(tables.map((t) => t.liveRows)),
    missing: sum(tables.map((t) => t.missing)),
    extra: sum(tables.map((t) => t.extra)),
  };
  return {
    id: 'd',
    name: 'read models = a rebuild from the events',
    held: counts.missing === 0 && counts.extra === 0,
    counts,
  };
}

const gapsSql = `SELECT count(*)::int AS streams,
        count(*) FILTER (WHERE s.min <> 1 OR s.max <> s.n OR st.version IS DISTINCT FROM s.max)::int AS broken
   FROM (SELECT stream_id, count(*) AS n, min(stream_version) AS min, max(stream_version) AS max
           FROM es_events GROUP BY stream_id) s
   LEFT JOIN es_streams st USING (stream_id)`;

async function contiguousVersions(input: CheckInput, q: Map<string, Query>): Promise<CheckResult> {
  const rows = (await Promise.all(input.targets.map((t) => q.get(t.service)!(gapsSql)))).map(
    (r) => r[0] ?? {},
  );
  const counts = {
    streams: sum(rows.map((r) => Number(r['streams']))),
    broken: sum(rows.map((r) => Number(r['broken']))),
  };
  return { id: 'e', name: 'stream versions contiguous', held: counts.broken === 0, counts };
}

async function lagZero(input: CheckInput): Promise<CheckResult> {
  const groups = input.targets.flatMap((t) => t.consumerGroups);
  const lags = await Promise.all(groups.map((g) => input.kafka.lag(g)));
  return {
    id: 'f',
    name: 'consumer lag 0 for every group',
    held: sum(lags) === 0,
    counts: { groups: groups.length, lag: sum(lags) },
  };
}

async function deadLettersEqualPoison(input: CheckInput): Promise<CheckResult> {
  const letters = new Set<string>();
  for (const group of input.targets.flatMap((t) => t.consumerGroups))
    for (const topic of group.topics)
      for (const m of await input.kafka.read(`${topic}.dlt`))
        if (m.headers['dlt_consumer'] === group.group)
          letters.add(
            `${m.headers['dlt_original_topic']}/${m.headers['dlt_original_partition']}@${m.headers['dlt_original_offset']}`,
          );
  const counts = { poisonInjected: input.poisonInjected, deadLetters: letters.size };
  return {
    id: 'g',
    name: 'dead letters = poison injected',
    held: letters.size === input.poisonInjected,
    counts,
  };
}

export async function runChecks(input: CheckInput): Promise<CheckResult[]> {
  return withDatabases(input.targets, async (q) => [
    await acknowledgedStored(input, q),
    await storeEqualsTopic(input, q),
    await nothingUnpublished(input, q),
    await readModelsEqualRebuild(input),
    await contiguousVersions(input, q),
    await lagZero(input),
    await deadLettersEqualPoison(input),
  ]);
}
