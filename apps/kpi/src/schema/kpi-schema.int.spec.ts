// The KPI service's schema is versioned by TypeORM migrations: a fresh database gets exactly what
// the entities describe (nothing left for a generated migration), and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable } from '@nhip/postgres';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { kpiDataSource } from './kpi-data-source.ts';

const allMigrations = kpiDataSource('').migrations.map((Migration) => new Migration().name);

describe('kpi schema migrations (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(kpiDataSource);
  afterAll(close);

  it('lays out a fresh database as the entities say, with the ledger indexed by unit', async () => {
    const url = await freshTestDatabase('kpi_new');
    const opened = await start(url);
    expect(opened.migrated).toEqual(allMigrations);
    expect((await opened.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    const { rows } = await plainPool(url).query<{ indexdef: string }>(
      `SELECT indexdef FROM pg_indexes WHERE indexname = 'kpi_deltas_units'`,
    );
    expect(rows[0]?.indexdef).toMatch(/USING gin \(units\)/);
    expect((await start(url)).migrated).toEqual([]);
  });

  it('lists the targets a database already holds when KpiTargetReach runs, and each one written after', async () => {
    const url = await freshTestDatabase('kpi_target_reach_upgrade');
    await start(url);
    const pool = plainPool(url);
    // The database as the previous version left it: targets, no listing.
    await pool.query(`DROP TABLE kpi_target_reach`);
    await pool.query(`DROP FUNCTION kpi_targets_listed() CASCADE`);
    await pool.query(`DELETE FROM ${migrationsTable} WHERE name = 'KpiTargetReach1796700000000'`);
    await pool.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at) VALUES
         ('66', 'residents_helped.vneid_activation', '2026', '{66}', 900, 'VN', now()),
         ('24175', 'residents_helped.vneid_activation', '2026', '{66,24175}', 300, '66', now())`,
    );
    expect((await start(url)).migrated).toEqual(['KpiTargetReach1796700000000']);
    await pool.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at)
       VALUES ('24175001', 'residents_helped.vneid_activation', '2026', '{66,24175,24175001}', 40, '24175', now())`,
    );
    const { rows } = await pool.query<{ reach: string; target: string; between: string[] }>(
      `SELECT reach_code AS reach, unit_code AS target, between_codes AS between FROM kpi_target_reach
        ORDER BY reach_code, unit_code`,
    );
    expect(rows.map((r) => [r.reach, r.target, r.between])).toEqual([
      ['24175', '24175', []],
      ['24175', '24175001', ['24175']],
      ['24175001', '24175001', []],
      ['66', '24175', ['66']],
      ['66', '24175001', ['66', '24175']],
      ['66', '66', []],
    ]);
  });

  it('records, when KpiPublishedVersions runs, the version of an indicator whose published values all carry one', async () => {
    const url = await freshTestDatabase('kpi_published_versions_upgrade');
    await start(url);
    const pool = plainPool(url);
    // The database as the previous version left it: published values, no record of their versions.
    await pool.query('DROP TABLE kpi_published_versions');
    await pool.query(`DELETE FROM ${migrationsTable} WHERE name = 'KpiPublishedVersions1796800000000'`);
    await pool.query(
      `INSERT INTO kpi_published (unit_code, indicator_id, period, version, figures) VALUES
         ('66', 'vneid_vs_target', '2026', 1, '{}'), ('24175', 'vneid_vs_target', '2026', 1, '{}'),
         ('66', 'e_payment_15_plus', '2026', 1, '{}'), ('24175', 'e_payment_15_plus', '2026', 2, '{}')`,
    );
    expect((await start(url)).migrated).toEqual(['KpiPublishedVersions1796800000000']);
    const { rows } = await pool.query<{ indicator_id: string; version: number }>(
      'SELECT indicator_id, version FROM kpi_published_versions',
    );
    // Two versions side by side are left for the service's start to put right (ADR 0063).
    expect(rows).toEqual([{ indicator_id: 'vneid_vs_target', version: 1 }]);
  });

  it('gives each village and team held the tree of its path when KpiVillagesByTree runs', async () => {
    const url = await freshTestDatabase('kpi_villages_by_tree_upgrade');
    await start(url);
    const pool = plainPool(url);
    // The database as the previous version left it: villages keyed by code, teams without a tree.
    await pool.query(`ALTER TABLE kpi_villages DROP CONSTRAINT kpi_villages_pkey, DROP COLUMN tree_version`);
    await pool.query(`ALTER TABLE kpi_villages ADD CONSTRAINT kpi_villages_pkey PRIMARY KEY (code)`);
    await pool.query(`ALTER TABLE kpi_teams DROP COLUMN tree_version`);
    await pool.query(`DELETE FROM ${migrationsTable} WHERE name = 'KpiVillagesByTree1797000000000'`);
    await pool.query(
      `INSERT INTO kpi_unit_trees (tree_version, effective_from) VALUES ('vn-2024', '2024-01-01'), ('vn-2025', '2025-07-01');
       INSERT INTO kpi_units (tree_version, code, name, level, parent_code, origin, path) VALUES
         ('vn-2024', '24175-001', 'Thôn 1', 4, '24175', 'local', '{66,643,24175,24175-001}'),
         ('vn-2024', '24172-001', 'Thôn 2', 4, '24172', 'local', '{66,643,24172,24172-001}'),
         ('vn-2025', '24175-002', 'Thôn 2', 3, '24175', 'local', '{66,24175,24175-002}');
       INSERT INTO kpi_villages (code, path, active_teams) VALUES
         ('24175-001', '{66,643,24175,24175-001}', 1), ('24172-001', '{}', 0), ('24175-002', '{66,24175,24175-002}', 1);
       INSERT INTO kpi_teams (team_id, path, active) VALUES
         ('00000000-0000-4000-8000-000000000001', '{66,643,24175,24175-001}', true),
         ('00000000-0000-4000-8000-000000000002', '{66,24175,24175-002}', true),
         ('00000000-0000-4000-8000-000000000003', '{66,24999}', true)`,
    );
    expect((await start(url)).migrated).toEqual(['KpiVillagesByTree1797000000000']);
    const villages = await pool.query<{ tree_version: string; code: string }>(
      'SELECT tree_version, code FROM kpi_villages ORDER BY code',
    );
    // The retired one (its path emptied) takes the oldest tree holding its code.
    expect(villages.rows.map((v) => `${v.tree_version}/${v.code}`)).toEqual([
      'vn-2024/24172-001',
      'vn-2024/24175-001',
      'vn-2025/24175-002',
    ]);
    const teams = await pool.query<{ tree_version: string }>(
      'SELECT tree_version FROM kpi_teams ORDER BY team_id',
    );
    // A team at a unit not yet heard of takes the newest tree.
    expect(teams.rows.map((t) => t.tree_version)).toEqual(['vn-2024', 'vn-2025', 'vn-2025']);
    // The 2025 village that takes 24175-001 over has a row of its own now.
    await pool.query(
      `INSERT INTO kpi_villages (tree_version, code, path, active_teams) VALUES ('vn-2025', '24175-001', '{66,24175,24175-001}', 0)`,
    );
  });

  it('lets two instances start together: both start, and each migration runs once', async () => {
    const url = await freshTestDatabase('kpi_concurrent');
    const [a, b] = await Promise.all([start(url), start(url)]);
    expect([a.migrated, b.migrated].sort((x, y) => x.length - y.length)).toEqual([[], allMigrations]);
    const { rows } = await plainPool(url).query<{ name: string }>(
      `SELECT name FROM ${migrationsTable} ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(allMigrations);
  });
});
