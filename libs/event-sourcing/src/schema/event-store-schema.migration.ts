import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventStoreDdlLock, eventStoreStatements } from './migrate.ts';

/**
 * The event store's tables as the first versioned migration; every service lists it before its
 * own. It adopts a database created before migrations were versioned: the tables are there, so
 * each statement finds its table or index and changes nothing. TypeORM orders and records
 * migrations by `name`, whose last 13 digits are the time it was written.
 */
export class EventStoreSchema implements MigrationInterface {
  readonly name = 'EventStoreSchema1796256000000';

  async up(runner: QueryRunner): Promise<void> {
    // An instance of the previous release starting right now runs the same DDL under this lock.
    await runner.query('SELECT pg_advisory_xact_lock(hashtext($1))', [eventStoreDdlLock]);
    for (const sql of eventStoreStatements) await runner.query(sql);
  }

  down(): Promise<void> {
    return Promise.reject(
      new Error('The event store is the source of truth: its first migration is not reverted.'),
    );
  }
}
