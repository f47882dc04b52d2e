// The deploy step every service ships as `node dist/migrate.js [generate <ClassName>]`: bring the
// service's database to the current schema before any instance starts, and (from the source tree)
// write the migration for what its entities changed. It reports through the service's logger, in
// fields that `npm run migrate` turns back into sentences for the terminal.
import fs from 'node:fs';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import type { ServiceDataSourceOptions } from './data-source.ts';
import { ensureDatabase, redactUrl } from './ensure-database.ts';
import { generateMigration } from './generate-migration.ts';
import { openServiceDataSource } from './open-service-data-source.ts';
import { migrationsLock } from './run-migrations.ts';

/** The part of the service's (pino) logger the deploy step writes to. */
export interface MigrateLog {
  info(fields: object, message: string): void;
}

export interface MigrateCommandOptions {
  readonly service: string;
  /** The server's maintenance database URL and the service's database on it, from its config. */
  readonly adminUrl: string;
  readonly databaseName: string;
  readonly dataSource: (url: string) => ServiceDataSourceOptions;
  /** The service's schema folder and the file in it that lists the migrations: where generate writes. */
  readonly schemaDir: string;
  readonly dataSourceFile: string;
  readonly log: MigrateLog;
}

/** Arguments the deploy step does not take; its message is the usage. */
export class MigrateUsageError extends Error {
  override readonly name = 'MigrateUsageError';
}

/** The class name to generate a migration for, or undefined to only run the pending ones. */
export function parseMigrateArgs(args: readonly string[]): string | undefined {
  const [command, className, ...rest] = args;
  if (command === undefined) return undefined;
  if (command !== 'generate' || !className || rest.length > 0)
    throw new MigrateUsageError('usage: node dist/migrate.js [generate <ClassName>]');
  if (!/^[A-Z][A-Za-z0-9]*$/.test(className))
    throw new MigrateUsageError(`"${className}" is not a PascalCase class name.`);
  return className;
}

export async function runMigrateCommand(
  args: readonly string[],
  options: MigrateCommandOptions,
): Promise<void> {
  const className = parseMigrateArgs(args);
  if (className !== undefined) refuseGenerateOutsideSources(className, options);
  const { service, log } = options;
  const url = await ensureDatabase(options.adminUrl, options.databaseName);
  log.info({ database: redactUrl(url), lock: migrationsLock(service) }, `migrating ${service}`);
  const { dataSource, migrated } = await openServiceDataSource(options.dataSource(url));
  try {
    log.info(
      { migrations: migrated },
      migrated.length > 0
        ? `migrations run: ${migrated.join(', ')}`
        : 'no pending migration: the schema is current',
    );
    if (className !== undefined) await writeMigration(dataSource, className, options);
  } finally {
    await dataSource.destroy();
  }
}

/** A build has JavaScript where the sources are: a migration written there would never ship. */
function refuseGenerateOutsideSources(
  className: string,
  { service, schemaDir, dataSourceFile }: MigrateCommandOptions,
): void {
  if (fs.existsSync(path.join(schemaDir, dataSourceFile))) return;
  throw new MigrateUsageError(
    `generate writes TypeScript beside ${dataSourceFile}, which is not in ${schemaDir}: run it in the repository (npm run migrate -- ${service} generate ${className}).`,
  );
}

async function writeMigration(
  dataSource: DataSource,
  className: string,
  { schemaDir, log, dataSourceFile }: MigrateCommandOptions,
): Promise<void> {
  const file = await generateMigration(dataSource, { schemaDir, className, now: Date.now() });
  if (file === undefined) {
    log.info({ generated: null }, 'the entities match the database: nothing to generate');
    return;
  }
  log.info(
    { generated: file, listIn: dataSourceFile },
    `wrote ${file}: list it last in ${dataSourceFile}, run prettier, and say why in its comment`,
  );
}
