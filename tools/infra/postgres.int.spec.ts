import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { postgresAdminUrl, serverVersions, testDatabase } from '@nhip/testing';
import pg from 'pg';
import { ensureDatabase } from '@nhip/postgres';

const versions = serverVersions();

describe(`a real PostgreSQL ${versions.postgres} server`, () => {
  let pool: pg.Pool;

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await testDatabase('postgres_roundtrip'), max: 4 });
    await pool.query(`CREATE TABLE IF NOT EXISTS roundtrip (
      id bigint PRIMARY KEY, unit_name text NOT NULL, data jsonb NOT NULL, at timestamptz NOT NULL)`);
    await pool.query('TRUNCATE roundtrip');
  });
  afterAll(async () => {
    await pool.end();
  });

  it('is the server the setup reported', async () => {
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    expect(rows[0]?.server_version).toBe(versions.postgres);
  });

  it('round-trips rows with Vietnamese text, jsonb, big integers and timestamps', async () => {
    const rows = [
      { id: '9007199254740993', name: 'Phường Thanh Khê Đông', data: { vneid: 13387, target: 9950 } },
      { id: '2', name: 'Xã Hòa Phú', data: { teams: 15, members: 77 } },
      { id: '3', name: 'Thôn Ea Nao', data: { note: 'Mỗi đêm 1 giờ' } },
    ];
    const at = new Date('2024-03-05T01:02:03.456Z');
    for (const r of rows) {
      await pool.query('INSERT INTO roundtrip (id, unit_name, data, at) VALUES ($1, $2, $3, $4)', [
        r.id,
        r.name,
        r.data,
        at,
      ]);
    }
    const { rows: read } = await pool.query<{ id: string; unit_name: string; data: unknown; at: Date }>(
      'SELECT id, unit_name, data, at FROM roundtrip ORDER BY unit_name',
    );
    expect(read.map((r) => r.unit_name)).toEqual(['Phường Thanh Khê Đông', 'Thôn Ea Nao', 'Xã Hòa Phú']);
    expect(read.find((r) => r.id === '9007199254740993')?.data).toEqual({ vneid: 13387, target: 9950 });
    expect(read.every((r) => r.at.getTime() === at.getTime())).toBe(true);
  });

  it('rolls back a failed transaction completely', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`INSERT INTO roundtrip VALUES (100, 'x', '{}', now())`);
      await expect(
        client.query(`INSERT INTO roundtrip VALUES (100, 'duplicate', '{}', now())`),
      ).rejects.toThrow(/duplicate key/);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
    const { rowCount } = await pool.query('SELECT 1 FROM roundtrip WHERE id = 100');
    expect(rowCount).toBe(0);
  });

  it('creates a database once even when callers race', async () => {
    const name = `test_race_${Date.now()}`;
    const urls = await Promise.all(Array.from({ length: 4 }, () => ensureDatabase(postgresAdminUrl(), name)));
    expect(new Set(urls).size).toBe(1);
    const admin = new pg.Client({ connectionString: postgresAdminUrl() });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      expect(rowCount).toBe(1);
      await admin.query(`DROP DATABASE ${name}`);
    } finally {
      await admin.end();
    }
  });

  it('refuses a database name that could inject SQL', async () => {
    await expect(ensureDatabase(postgresAdminUrl(), 'x; DROP DATABASE postgres')).rejects.toThrow(
      /not a valid database name/,
    );
  });
});
