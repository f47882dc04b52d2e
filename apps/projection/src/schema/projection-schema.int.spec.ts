// The projection service's schema is versioned by TypeORM migrations: a fresh database gets exactly what
// the entities describe (nothing left for a generated migration), and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable } from '@nhip/postgres';
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
});
