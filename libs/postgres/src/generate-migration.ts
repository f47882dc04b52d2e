// Writes a migration from TypeORM's own comparison of the entities with a database migrated to
// the newest version: what `typeorm migration:generate` does, in this repo's file layout and style.
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';

interface Query {
  readonly query: string;
  readonly parameters?: unknown[] | undefined;
}

export interface GenerateMigrationOptions {
  /** The folder the service's migrations live in; the new one is written beside them. */
  readonly schemaDir: string;
  readonly className: string;
  /** Milliseconds since the epoch: TypeORM orders and records migrations by this suffix. */
  readonly now: number;
}

const kebab = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

function statements(queries: readonly Query[]): string {
  return queries
    .map(({ query, parameters }) => {
      const args = parameters?.length ? `, ${JSON.stringify(parameters)}` : '';
      return `    await runner.query(${JSON.stringify(query)}${args});`;
    })
    .join('\n');
}

/** Returns the file written, or undefined when the entities already match the database. */
export async function generateMigration(
  dataSource: DataSource,
  { schemaDir, className, now }: GenerateMigrationOptions,
): Promise<string | undefined> {
  if (!/^[A-Z][A-Za-z0-9]*$/.test(className))
    throw new Error(`"${className}" is not a PascalCase class name.`);
  const sql = await dataSource.driver.createSchemaBuilder().log();
  if (sql.upQueries.length === 0) return undefined;
  const file = path.join(schemaDir, `${kebab(className)}.migration.ts`);
  const source = `import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Generated from the entities; say here why the schema changes. */
export class ${className} implements MigrationInterface {
  readonly name = '${className}${now}';

  async up(runner: QueryRunner): Promise<void> {
${statements(sql.upQueries)}
  }

  async down(runner: QueryRunner): Promise<void> {
${statements([...sql.downQueries].reverse())}
  }
}
`;
  fs.writeFileSync(file, source, { flag: 'wx' });
  return file;
}
