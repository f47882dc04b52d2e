// `generate` writes what TypeORM's comparison of the entities with the migrated database finds,
// beside the service's migrations, and never over a file that is already there.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { runMigrateCommand, type MigrateCommandOptions } from '@nhip/postgres';
import { freshTestDatabase, postgresAdminUrl } from '@nhip/testing';
import { EntitySchema } from 'typeorm';

const Probe = new EntitySchema<{ id: string; seenCount: number }>({
  name: 'Probe',
  tableName: 'probe',
  columns: { id: { type: 'text', primary: true }, seenCount: { type: 'integer' } },
});

let schemaDir: string;
let logged: object[];

function options(dataSourceFile = 'probe-data-source.ts'): MigrateCommandOptions {
  return {
    service: 'probe',
    adminUrl: postgresAdminUrl(),
    databaseName: 'test_migrate_generate',
    dataSource: (url) => ({ url, service: 'probe', entities: [Probe], migrations: [], poolSize: 1 }),
    schemaDir,
    dataSourceFile,
    log: { info: (fields) => logged.push(fields) },
  };
}

describe('npm run migrate -- <service> generate <ClassName>', () => {
  beforeEach(async () => {
    await freshTestDatabase('migrate_generate');
    schemaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-generate-'));
    fs.writeFileSync(path.join(schemaDir, 'probe-data-source.ts'), '');
    logged = [];
  });

  afterEach(() => fs.rmSync(schemaDir, { recursive: true, force: true }));

  it('writes the migration that creates what the entities add, and says where to list it', async () => {
    await runMigrateCommand(['generate', 'AddProbe'], options());
    const file = path.join(schemaDir, 'add-probe.migration.ts');
    const source = fs.readFileSync(file, 'utf8');
    expect(source).toMatch(/export class AddProbe implements MigrationInterface/);
    expect(source).toMatch(/readonly name = 'AddProbe\d{13}'/);
    expect(source).toMatch(/async up[^}]*CREATE TABLE \\"probe\\"[^}]*\\"seen_count\\" integer NOT NULL/);
    expect(source).toMatch(/async down[^}]*DROP TABLE \\"probe\\"/);
    expect(logged).toContainEqual({ generated: file, listIn: 'probe-data-source.ts' });
  });

  it('refuses to overwrite a migration of the same name', async () => {
    await runMigrateCommand(['generate', 'AddProbe'], options());
    await expect(runMigrateCommand(['generate', 'AddProbe'], options())).rejects.toThrow(/EEXIST/);
  });

  it('refuses to generate where the sources are not (a build), before touching the database', async () => {
    await expect(runMigrateCommand(['generate', 'AddProbe'], options('missing.ts'))).rejects.toThrow(
      /generate writes TypeScript beside missing\.ts/,
    );
    expect(logged).toEqual([]);
  });
});
