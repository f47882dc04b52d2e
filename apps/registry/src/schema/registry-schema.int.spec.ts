// The registry's schema is versioned by TypeORM migrations: a database from the release before
// them is adopted in place, a current one is left alone, and instances starting together agree.
import { afterAll, describe, expect, it } from '@jest/globals';
import { migrationsTable, openServiceDataSource } from '@nhip/postgres';
import { freshTestDatabase, migrationHarness, schemaShape, tableContents } from '@nhip/testing';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { previousReleaseDdl, previousReleaseRows } from '../fixtures/previous-release-schema.ts';
import { registryDataSource } from './registry-data-source.ts';

const allMigrations = registryDataSource('').migrations.map((Migration) => new Migration().name);

// rm_units.search_name is derived by PostgreSQL from each row's name, and typeorm_metadata is
// TypeORM's note of how: neither is data the upgrade could lose.
const derived = 'typeorm_metadata';
function storedRows(contents: Record<string, string[]>): Record<string, object[]> {
  const rowsOf = (rows: string[]) =>
    rows.map((row) => {
      const stored = JSON.parse(row) as Record<string, unknown>;
      delete stored['search_name'];
      return stored;
    });
  return Object.fromEntries(Object.entries(contents).map(([table, rows]) => [table, rowsOf(rows)]));
}

describe('registry schema migrations (real PostgreSQL)', () => {
  const { start, plainPool, close } = migrationHarness(registryDataSource);
  afterAll(close);

  it('upgrades a database laid out by the previous release to the current schema, every row intact', async () => {
    const oldUrl = await freshTestDatabase('registry_previous_release');
    const old = plainPool(oldUrl);
    for (const sql of [...previousReleaseDdl, ...previousReleaseRows]) await old.query(sql);
    const rowsBefore = await tableContents(old);
    expect(Object.values(rowsBefore).every((rows) => rows.length > 0)).toBe(true);

    const upgraded = await start(oldUrl);

    expect(upgraded.migrated).toEqual(allMigrations);
    const rowsAfter = await tableContents(old, [migrationsTable, derived]);
    expect(storedRows(rowsAfter)).toEqual(storedRows(rowsBefore));
    const { rows: folded } = await old.query<{ search_name: string }>(
      `SELECT search_name FROM rm_units ORDER BY code`,
    );
    expect(folded.map((r) => r.search_name)).toEqual(['xa hoa phu', 'tinh dak lak']);
    const newUrl = await freshTestDatabase('registry_new');
    await start(newUrl);
    expect(await schemaShape(old)).toEqual(await schemaShape(plainPool(newUrl)));
    // The entities describe that schema: a generated migration would find nothing to do.
    expect((await upgraded.dataSource.driver.createSchemaBuilder().log()).upQueries).toEqual([]);
  });

  it('runs no migration on a second start, and serves SQL and TypeORM from one pool of today’s size', async () => {
    const url = await freshTestDatabase('registry_second_start');
    await start(url);
    const second = await start(url);
    expect(second.migrated).toEqual([]);
    expect(second.pool.options.max).toBe(10);
    await second.pool.query(`INSERT INTO rm_meta VALUES (1, 7)`);
    expect(await second.dataSource.getRepository('ReadModelMeta').findOneBy({ id: 1 })).toEqual({
      id: 1,
      version: 7,
    });
  });

  it('lets two instances start together: both start, and each migration runs once', async () => {
    const url = await freshTestDatabase('registry_concurrent');
    const [a, b] = await Promise.all([start(url), start(url)]);
    expect([a.migrated, b.migrated].sort((x, y) => x.length - y.length)).toEqual([[], allMigrations]);
    const { rows } = await plainPool(url).query<{ name: string }>(
      `SELECT name FROM ${migrationsTable} ORDER BY id`,
    );
    expect(rows.map((r) => r.name)).toEqual(allMigrations);
  });

  it('reverts its latest migration and applies it again on the next start', async () => {
    const url = await freshTestDatabase('registry_revert');
    const { dataSource } = await start(url);
    const searchColumn = async () =>
      (await schemaShape(plainPool(url))).filter((line) => line.startsWith('rm_units.search_name '));
    const current = await searchColumn();
    expect(current).toHaveLength(1);
    await dataSource.undoLastMigration({ transaction: 'all' });
    expect(await searchColumn()).toEqual([]);
    expect((await start(url)).migrated).toEqual([allMigrations.at(-1)]);
    expect(await searchColumn()).toEqual(current);
  });

  it('applies nothing when one pending migration fails, and leaves no lock behind', async () => {
    class Broken implements MigrationInterface {
      readonly name = 'Broken9999999999999';
      async up(runner: QueryRunner): Promise<void> {
        await runner.query('SELECT no_such_function()');
      }
      down(): Promise<void> {
        return Promise.resolve();
      }
    }
    const url = await freshTestDatabase('registry_failed_migration');
    const options = registryDataSource(url);
    await expect(
      openServiceDataSource({ ...options, migrations: [...options.migrations, Broken] }),
    ).rejects.toThrow(/no_such_function/);
    expect(await tableContents(plainPool(url))).toEqual({ [migrationsTable]: [], [derived]: [] });
    expect((await start(url)).migrated).toEqual(allMigrations);
  });
});
