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
// TypeORM's note of how: neither is data the upgrade could lose. Where a village went (carried_to_*)
// is read from the events; the previous release had retired none.
const derived = 'typeorm_metadata';
const addedSince = ['search_name', 'carried_to_tree_version', 'carried_to_code'];
function storedRows(contents: Record<string, string[]>): Record<string, object[]> {
  const rowsOf = (rows: string[]) =>
    rows.map((row) =>
      Object.fromEntries(
        Object.entries(JSON.parse(row) as Record<string, unknown>).filter(([c]) => !addedSince.includes(c)),
      ),
    );
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
    const carriedColumns = async () =>
      (await schemaShape(plainPool(url))).filter((line) => line.startsWith('rm_units.carried_to_'));
    const current = await carriedColumns();
    expect(current).toHaveLength(2);
    await dataSource.undoLastMigration({ transaction: 'all' });
    expect(await carriedColumns()).toEqual([]);
    expect((await start(url)).migrated).toEqual([allMigrations.at(-1)]);
    expect(await carriedColumns()).toEqual(current);
  });

  it('says where each village retired before VillagesCarriedTo went, read from its event', async () => {
    const url = await freshTestDatabase('registry_carried_to_upgrade');
    await start(url);
    const pool = plainPool(url);
    await pool.query('ALTER TABLE rm_units DROP COLUMN carried_to_tree_version, DROP COLUMN carried_to_code');
    await pool.query(`DELETE FROM ${migrationsTable} WHERE name = 'VillagesCarriedTo1797000000000'`);
    await pool.query(
      `INSERT INTO rm_units (tree_version, code, name, type, level, parent_code, origin, path) VALUES
         ('vn-2024', '24334-001', 'Thôn 1', 'Thôn', 4, '24334', 'local', '{66,644,24334,24334-001}'),
         ('vn-2024', '24334-002', 'Buôn Ea Siên', 'Buôn', 4, '24334', 'local', '{66,644,24334,24334-002}')`,
    );
    await pool.query(
      `INSERT INTO es_events (stream_id, stream_version, event_id, event_type, schema_version, data, metadata)
       VALUES ('villages-vn-2024-24334', 3, gen_random_uuid(), 'VillageRetired', 1, $1, '{}')`,
      [{ code: '24334-002', carriedTo: { treeVersion: 'vn-2025', code: '24328-002' }, reason: 'Sắp xếp' }],
    );
    expect((await start(url)).migrated).toEqual(['VillagesCarriedTo1797000000000']);
    const { rows } = await pool.query<{ code: string; to: string | null }>(
      `SELECT code, carried_to_tree_version || '/' || carried_to_code AS to FROM rm_units ORDER BY code`,
    );
    expect(rows).toEqual([
      { code: '24334-001', to: null },
      { code: '24334-002', to: 'vn-2025/24328-002' },
    ]);
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
