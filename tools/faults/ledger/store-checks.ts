// The checks that read a service's database, and the topics it publishes: (a), (b), (c), (e).
import { pendingOutboxCount } from '@nhip/event-sourcing';
import type pg from 'pg';
import type { CheckInput, CheckResult } from './checks.ts';
import type { LedgerTarget } from './target.ts';

/** A target with an open pool on its database. */
export interface Opened {
  readonly target: LedgerTarget;
  readonly db: pg.Pool;
}

/** The `ce_source` of every message a fault produces itself (poison). */
export const injectedSource = 'fault-ledger';

export const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

async function storedCount({ target, db }: Opened, ids: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM es_streams WHERE stream_id = ANY($1)',
    [ids.map((id) => target.streamOf(id))],
  );
  return rows[0]?.n ?? 0;
}

/** (a) every ok command stored; and, the other way, no definite refusal stored. */
export async function acknowledgedStored(input: CheckInput, opened: readonly Opened[]): Promise<CheckResult> {
  const counts = { ok: 0, lost: 0, failed: 0, refusedButStored: 0, unknown: 0, unknownStored: 0 };
  for (const o of opened) {
    const service = o.target.service;
    const [ok, failed, unknown] = [
      input.ledger.ids(service, 'ok'),
      input.ledger.ids(service, 'failed'),
      input.ledger.ids(service, 'unknown'),
    ];
    counts.ok += ok.length;
    counts.lost += ok.length - (await storedCount(o, ok));
    counts.failed += failed.length;
    counts.refusedButStored += await storedCount(o, failed);
    counts.unknown += unknown.length;
    counts.unknownStored += await storedCount(o, unknown);
  }
  const held = counts.lost === 0 && counts.refusedButStored === 0;
  return { id: 'a', name: 'every ok command is in the event store', held, counts };
}

/** (b) per published topic: the store's committed messages and the distinct ids on the topic, as sets. */
export async function storeEqualsTopic(input: CheckInput, opened: readonly Opened[]): Promise<CheckResult> {
  const counts = {
    committed: 0,
    onTopic: 0,
    distinctOnTopic: 0,
    notPublished: 0,
    notInStore: 0,
    injected: 0,
  };
  for (const { target, db } of opened) {
    for (const topic of target.publishedTopics) {
      const { rows } = await db.query<{ id: string }>(
        'SELECT message_id::text AS id FROM es_outbox WHERE topic = $1',
        [topic],
      );
      const stored = new Set(rows.map((r) => r.id));
      // What a fault put on the topic itself (poison) is no event of the service's.
      const onTopic = await input.kafka.read(`${input.topicPrefix}${topic}`);
      const messages = onTopic.filter((m) => m.headers['ce_source'] !== injectedSource);
      counts.injected += onTopic.length - messages.length;
      const ids = new Set(messages.map((m) => m.headers['ce_id'] ?? ''));
      counts.committed += stored.size;
      counts.onTopic += messages.length;
      counts.distinctOnTopic += ids.size;
      counts.notPublished += [...stored].filter((id) => !ids.has(id)).length;
      counts.notInStore += [...ids].filter((id) => !stored.has(id)).length;
    }
  }
  const held = counts.notPublished === 0 && counts.notInStore === 0;
  const duplicatesOnTopic = counts.onTopic - counts.distinctOnTopic;
  return {
    id: 'b',
    name: 'store = distinct event ids on the topics',
    held,
    counts: { ...counts, duplicatesOnTopic },
  };
}

/** (c) nothing committed is left unpublished. */
export async function nothingUnpublished(opened: readonly Opened[]): Promise<CheckResult> {
  const pending = sum(await Promise.all(opened.map((o) => pendingOutboxCount(o.db))));
  return {
    id: 'c',
    name: 'no unpublished outbox rows',
    held: pending === 0,
    counts: { unpublished: pending },
  };
}

const gapsSql = `SELECT count(*)::int AS streams,
        count(*) FILTER (WHERE s.min <> 1 OR s.max <> s.n OR st.version IS DISTINCT FROM s.max)::int AS broken
   FROM (SELECT stream_id, count(*) AS n, min(stream_version) AS min, max(stream_version) AS max
           FROM es_events GROUP BY stream_id) s
   LEFT JOIN es_streams st USING (stream_id)`;

/** (e) each stream's versions are 1..n, and its head says n. */
export async function contiguousVersions(opened: readonly Opened[]): Promise<CheckResult> {
  const rows = await Promise.all(
    opened.map(async (o) => (await o.db.query<{ streams: number; broken: number }>(gapsSql)).rows[0]),
  );
  const counts = {
    streams: sum(rows.map((r) => r?.streams ?? 0)),
    broken: sum(rows.map((r) => r?.broken ?? 0)),
  };
  return { id: 'e', name: 'stream versions contiguous', held: counts.broken === 0, counts };
}
