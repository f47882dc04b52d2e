// The projection service's schema is versioned by TypeORM migrations: a fresh database gets exactly what
// the entities describe (nothing left for a generated migration), and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable } from '@nhip/postgres';
import type { IncomingEvent } from '@nhip/event-sourcing';
import { applyToReplica } from '@nhip/registry-replica';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { projectionDataSource } from './projection-data-source.ts';

const allMigrations = projectionDataSource('').migrations.map((Migration) => new Migration().name);

describe('projection schema migrations (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(projectionDataSource);
  afterAll(close);

  it('lays out a fresh database as the entities say, the change log ordered by its sequence', async () => {
    const url = await freshTestDatabase('projection_new');
    const opened = await start(url);
    expect(opened.migrated).toEqual(allMigrations);
    expect((await opened.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    const { rows } = await plainPool(url).query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'projection_changes_pkey'`,
    );
    expect(rows[0]?.indexdef).toMatch(/USING btree \(seq\)/);
    // The first schema made the team replica; a later migration took it out again (no read used it).
    const { rows: teams } = await plainPool(url).query<{ teams: string | null; members: string | null }>(
      `SELECT to_regclass('replica_teams')::text AS teams, to_regclass('replica_team_members')::text AS members`,
    );
    expect(teams[0]).toEqual({ teams: null, members: null });
    expect((await start(url)).migrated).toEqual([]);
  });

  it('lets two instances start together: both start, and each migration runs once', async () => {
    const url = await freshTestDatabase('projection_concurrent');
    const [a, b] = await Promise.all([start(url), start(url)]);
    expect([a.migrated, b.migrated].sort((x, y) => x.length - y.length)).toEqual([[], allMigrations]);
    const { rows } = await plainPool(url).query<{ name: string }>(
      `SELECT name FROM ${migrationsTable} ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(allMigrations);
  });

  it('fills the lineage relation of links consumed before the replica kept it, counted from the links', async () => {
    const url = await freshTestDatabase('projection_lineage_filled');
    await start(url);
    const pool = plainPool(url);
    // As a database upgraded from the release before the relation: links there, relation null.
    // 24172 went whole into 24175; 24173 was split between 24175 and 24176.
    await pool.query(`INSERT INTO replica_unit_lineage
      (tree_version, code, predecessor_tree_version, predecessor_code, relation) VALUES
      ('vn-2025', '24175', 'vn-2024', '24172', NULL), ('vn-2025', '24175', 'vn-2024', '24173', NULL),
      ('vn-2025', '24176', 'vn-2024', '24173', NULL), ('vn-2025', '24177', 'vn-2024', '24174', 'partial')`);
    const filled = 'ReplicaLineageRelationFilled1796600000000';
    await pool.query(`DELETE FROM ${migrationsTable} WHERE name = $1`, [filled]);
    expect((await start(url)).migrated).toEqual([filled]);
    const relations = async () =>
      (
        await pool.query<{ link: string }>(
          `SELECT predecessor_code || '>' || code || ':' || relation AS link
           FROM replica_unit_lineage ORDER BY predecessor_code, code`,
        )
      ).rows.map((r) => r.link);
    // A relation already known is kept, even where the count alone would say otherwise.
    expect(await relations()).toEqual([
      '24172>24175:full',
      '24173>24175:partial',
      '24173>24176:partial',
      '24174>24177:partial',
    ]);

    // Upgraded half-way through a first replay: 24174's other link arrives after the count.
    await pool.query(`UPDATE replica_unit_lineage SET relation = 'full' WHERE predecessor_code = '24174'`);
    const lineage: IncomingEvent = {
      id: 'lineage-24178',
      type: 'vn.nhip.registry.unit.lineage-recorded.v1',
      source: 'registry',
      subject: '24178',
      time: undefined,
      traceparent: undefined,
      data: {
        treeVersion: 'vn-2025',
        code: '24178',
        predecessors: [{ treeVersion: 'vn-2024', code: '24174', relation: 'partial' }],
      },
      message: undefined as never,
    };
    const client = await pool.connect();
    try {
      await applyToReplica([lineage], client);
    } finally {
      client.release();
    }
    expect((await relations()).filter((l) => l.startsWith('24174'))).toEqual([
      '24174>24177:partial',
      '24174>24178:partial',
    ]);
  });
});
