// DuckDB holding the same rows in its own columnar tables, loaded from a CSV export of the
// PostgreSQL tables (outside the clock): a user's likely alternative for analytics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { PeerRow } from './drilldown.ts';

async function exportCsv(db: pg.Pool, sql: string, file: string): Promise<void> {
  const client = await db.connect();
  try {
    await pipeline(
      client.query(copyTo(`COPY (${sql}) TO STDOUT WITH (FORMAT csv)`)),
      fs.createWriteStream(file),
    );
  } finally {
    client.release();
  }
}

export interface DuckPeer {
  query(sql: string, values: readonly string[]): Promise<PeerRow[]>;
  close(): void;
}

export async function startDuckPeer(db: pg.Pool): Promise<DuckPeer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kpi-duckdb-'));
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '3GB', threads: '2' });
  const connection: DuckDBConnection = await instance.connect();
  try {
    const activities = path.join(dir, 'activities.csv');
    const units = path.join(dir, 'units.csv');
    await exportCsv(db, 'SELECT id, commune_code, kind, residents, day FROM bench_activities', activities);
    await exportCsv(db, 'SELECT tree_version, code, parent_code FROM kpi_units', units);
    await connection.run(
      `CREATE TABLE bench_activities AS SELECT * FROM read_csv('${activities}', header = false,
         columns = {'id': 'BIGINT', 'commune_code': 'VARCHAR', 'kind': 'VARCHAR', 'residents': 'INTEGER', 'day': 'DATE'})`,
    );
    await connection.run(
      `CREATE TABLE kpi_units AS SELECT * FROM read_csv('${units}', header = false,
         columns = {'tree_version': 'VARCHAR', 'code': 'VARCHAR', 'parent_code': 'VARCHAR'})`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    query: async (sql, values) =>
      (await connection.runAndReadAll(sql, [...values])).getRowObjectsJS() as unknown as PeerRow[],
    close: () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
