// The search folds names in SQL and queries in TypeScript: both must agree on every official name,
// or a typed name would miss the unit it spells.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from '@jest/globals';
import { postgresAdminUrl } from '@nhip/testing';
import pg from 'pg';
import { nationalDataDir } from '../fixtures/national-data.ts';

import { foldName, foldNameSql } from './unit-search-name.ts';

const pool = new pg.Pool({ connectionString: postgresAdminUrl(), max: 1 });
afterAll(() => pool.end());

function officialNames(): string[] {
  return ['units-2024.csv', 'units-2025.csv'].flatMap((file) =>
    fs
      .readFileSync(path.join(nationalDataDir, file), 'utf8')
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(',')[1] ?? ''),
  );
}

it('folds every official name, and names typed oddly, the same in PostgreSQL as in TypeScript', async () => {
  const odd = ['Xã Ea H’leo', "Buôn Đôn'", 'Phường Tân Lập'.normalize('NFD'), '  THÀNH PHỐ  Huế ', 'Xã 1-2'];
  const names = [...officialNames(), ...odd];
  expect(names.length).toBeGreaterThan(14_000);
  const { rows } = await pool.query<{ folded: string }>(
    `SELECT ${foldNameSql('n')} AS folded FROM unnest($1::text[]) WITH ORDINALITY AS t(n, i) ORDER BY i`,
    [names],
  );
  const differing = names.filter((name, i) => rows[i]?.folded !== foldName(name));
  expect(differing).toEqual([]);
});
