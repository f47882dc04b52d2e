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
