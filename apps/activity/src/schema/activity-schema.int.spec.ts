// The activity service's schema is versioned by TypeORM migrations: a database from the release
// before them is adopted in place, a current one is left alone, and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable } from '@nhip/postgres';
import { freshTestDatabase, migrationHarness, schemaShape, tableContents } from '@nhip/testing';
import { previousReleaseDdl, previousReleaseRows } from '../fixtures/previous-release-schema.ts';
import { activityDataSource } from './activity-data-source.ts';

const allMigrations = activityDataSource('').migrations.map((Migration) => new Migration().name);

describe('activity schema migrations (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(activityDataSource);
  afterAll(close);

  it('upgrades a database laid out by the previous release to the current schema, every row intact', async () => {
    const oldUrl = await freshTestDatabase('activity_previous_release');
    const old = plainPool(oldUrl);
    for (const sql of [...previousReleaseDdl, ...previousReleaseRows]) await old.query(sql);
    const rowsBefore = await tableContents(old);
    expect(Object.values(rowsBefore).every((rows) => rows.length > 0)).toBe(true);

    const upgraded = await start(oldUrl);

    expect(upgraded.migrated).toEqual(allMigrations);
    // Every row kept; the tables added since that release start empty.
    expect(await tableContents(old, [migrationsTable])).toEqual({ ...rowsBefore, replica_unit_lineage: [] });
    const newUrl = await freshTestDatabase('activity_new');
    await start(newUrl);
    expect(await schemaShape(old)).toEqual(await schemaShape(plainPool(newUrl)));
    expect((await upgraded.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
    const second = await start(oldUrl);
    expect(second.migrated).toEqual([]);
    expect(second.pool.options.max).toBe(12);
  });

  it('lets two instances start together: both start, and each migration runs once', async () => {
    const url = await freshTestDatabase('activity_concurrent');
    const [a, b] = await Promise.all([start(url), start(url)]);
    expect([a.migrated, b.migrated].sort((x, y) => x.length - y.length)).toEqual([[], allMigrations]);
    const { rows } = await plainPool(url).query<{ name: string }>(
      `SELECT name FROM ${migrationsTable} ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(allMigrations);
  });
});
