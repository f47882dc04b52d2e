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
  readonly 'Index Cond'?: string;
  readonly Plans?: readonly PlanNode[];
}

const nodesOf = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodesOf)];

let probes = 0;

/** The plan of `sql` as a named statement: the one for these values, or the generic one. */
async function planOf(pool: pg.Pool, sql: string, values: unknown[], generic: boolean): Promise<PlanNode[]> {
  const client = await pool.connect();
  const name = `probe_${++probes}`;
  try {
    await client.query(`SET plan_cache_mode = ${generic ? 'force_generic_plan' : 'force_custom_plan'}`);
    await client.query({ name, text: sql, values });
    const literals = values.map((v) => (typeof v === 'number' ? String(v) : `'${String(v)}'`)).join(', ');
    const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
      `EXPLAIN (FORMAT JSON) EXECUTE ${name}(${literals})`,
    );
    return nodesOf(rows[0]!['QUERY PLAN'][0].Plan);
  } finally {
    await client.query('RESET plan_cache_mode');
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
    const { rows } = await context.pool.query(
      "SELECT 1 FROM pg_stats WHERE schemaname = current_schema() AND tablename = 'es_outbox'",
    );
    expect(rows).toHaveLength(0);
  });

  const planned = (generic: boolean) => (generic ? 'any values' : 'its values');
  const whatever = [false, true];

  // The check stops at the first row after the cursor: one index entry, read in order.
  it.each(whatever.map((generic) => ({ generic, planned: planned(generic) })))(
    'asks whether rows are held back, planned for $planned, as a LIMIT 1 over es_outbox_by_tx in order',
    async ({ generic }) => {
      const nodes = await planOf(context.pool, heldBackSql, [cursor.txId, Number(cursor.id)], generic);
      expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      const limit = nodes.find((n) => n['Node Type'] === 'Limit');
      expect(limit?.Plans?.[0]).toMatchObject({
        'Node Type': expect.stringMatching(/^Index (Only )?Scan$/),
        'Index Name': 'es_outbox_by_tx',
      });
    },
  );

  // A batch of 1,000 may be planned as the index read in order or, on a small table, as a bitmap of
  // the index entries after the cursor, sorted: either way it reads only the rows not yet sent.
  it.each(whatever.map((generic) => ({ generic, planned: planned(generic) })))(
    'asks the next batch, planned for $planned, through es_outbox_by_tx from the cursor on',
    async ({ generic }) => {
      const values = [cursor.txId, Number(cursor.id), 1000];
      const nodes = await planOf(context.pool, readBatchSql, values, generic);
      expect(nodes.map((n) => n['Node Type'])).not.toContain('Seq Scan');
      const read = nodes.find((n) => n['Index Name'] === 'es_outbox_by_tx');
      expect(read?.['Index Cond']).toContain('ROW(tx_id, id) > ROW(');
    },
  );
});
