// The relay's statements read the outbox by its (tx_id, id) index whatever the planner's statistics
// say: an outbox fills faster than autovacuum analyzes it (100,000 rows in a bulk upload), and a
// plan chosen without statistics that scans the table from its start pays for every row already
// sent, on every call.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type pg from 'pg';
import { eventSourcingTestContext, type TestContext } from '../fixtures/test-context.ts';
import { heldBackSql, readBatchSql } from './outbox.sql.ts';

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Index Name'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

let probes = 0;

async function planOf(pool: pg.Pool, sql: string, values: unknown[]): Promise<PlanNode[]> {
  const client = await pool.connect();
  const name = `probe_${++probes}`;
  try {
    // As the relay runs them: named, so PostgreSQL may keep a generic plan.
    await client.query({ name, text: sql, values });
    const literals = values.map((v) => (typeof v === 'number' ? String(v) : `'${String(v)}'`)).join(', ');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${literals})`,
    );
    return nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
  } finally {
    client.release();
  }
}

describe('the relay reads the outbox by its index, with or without statistics', () => {
  let context: TestContext;
  let cursor: { txId: string; id: string };

  beforeAll(async () => {
    context = await eventSourcingTestContext('outbox_plans');
    const { pool } = context;
    await pool.query('ALTER TABLE es_outbox SET (autovacuum_enabled = false)');
    for (let chunk = 0; chunk < 20; chunk++) {
      await pool.query(
        `INSERT INTO es_outbox (message_id, topic, type, source, occurred_at, data)
         SELECT gen_random_uuid(), 'plans', 'vn.nhip.test.v1', '/nhip/test', now(), jsonb_build_object('n', g)
           FROM generate_series(1, 1000) g`,
      );
    }
    const { rows } = await pool.query<{ txId: string; id: string }>(
      'SELECT tx_id::text AS "txId", id::text AS id FROM es_outbox ORDER BY tx_id DESC, id DESC OFFSET 10 LIMIT 1',
    );
    cursor = rows[0]!;
  }, 60_000);
  afterAll(() => context.close());

  it('has no statistics for the table it asks about', async () => {
    const { rows } = await context.pool.query("SELECT 1 FROM pg_stats WHERE tablename = 'es_outbox'");
    expect(rows).toHaveLength(0);
  });

  it.each([
    ['whether rows are held back', heldBackSql, () => [cursor.txId, Number(cursor.id)]],
    ['the next batch', readBatchSql, () => [cursor.txId, Number(cursor.id), 1000]],
  ])('asks %s through es_outbox_by_tx, never a scan of the table', async (_, sql, values) => {
    const nodes = await planOf(context.pool, sql, values());
    expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
    expect(nodes.map((n) => n['Index Name'])).toContain('es_outbox_by_tx');
  });
});
