// The training service's schema is versioned by TypeORM migrations: the entities and the migrations
// agree (nothing left to generate), a second start runs nothing, and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable } from '@nhip/postgres';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import { trainingDataSource } from './training-data-source.ts';

const allMigrations = trainingDataSource('').migrations.map((Migration) => new Migration().name);

describe('training schema migrations (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(trainingDataSource);
  afterAll(close);

  it('lays out a new database as the entities describe, and runs nothing on a second start', async () => {
    const url = await freshTestDatabase('training_new');
    const first = await start(url);
    expect(first.migrated).toEqual(allMigrations);
    expect((await first.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    const second = await start(url);
    expect(second.migrated).toEqual([]);
    expect(second.pool.options.max).toBe(12);
  });

  it('lets two instances start together: both start, and each migration runs once', async () => {
    const url = await freshTestDatabase('training_concurrent');
    const [a, b] = await Promise.all([start(url), start(url)]);
    expect([a.migrated, b.migrated].sort((x, y) => x.length - y.length)).toEqual([[], allMigrations]);
    const { rows } = await plainPool(url).query<{ name: string }>(
      `SELECT name FROM ${migrationsTable} ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(allMigrations);
  });
});
