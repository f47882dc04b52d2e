// The scope roots query (libs/auth scope-roots.ts, shared by every service's port) on real
// PostgreSQL, over two trees that reuse codes with another meaning, as the 2025 reform did.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { freshTestDatabase } from '@nhip/testing';
import pg from 'pg';
import { RegistryUnitTree } from './unit-tree-port.ts';

// v24 (from 2024-01-01): P1 > C1, P1 > C2, P1 > C3; P2 > C4. v25 (from 2025-07-01): P1 (P1 and P2,
// both whole) > C1, made of v24's C2 whole and part of C3 (C3's other part became C5); P1 > C5.
// v23 (from 2020-01-01, no lineage to the others) has its own C1. v99 (from 2099-01-01) has C1.
const trees = [
  ['v23', '2020-01-01'],
  ['v24', '2024-01-01'],
  ['v25', '2025-07-01'],
  ['v99', '2099-01-01'],
];
const units: [string, string, string[]][] = [
  ['v23', 'C1', ['P9', 'C1']],
  ['v24', 'P1', ['P1']],
  ['v24', 'C1', ['P1', 'C1']],
  ['v24', 'C2', ['P1', 'C2']],
  ['v24', 'C3', ['P1', 'C3']],
  ['v24', 'P2', ['P2']],
  ['v24', 'C4', ['P2', 'C4']],
  ['v25', 'P1', ['P1']],
  ['v25', 'C1', ['P1', 'C1']],
  ['v25', 'C5', ['P1', 'C5']],
  ['v99', 'C1', ['P1', 'C1']],
];
const lineage = [
  ['v25', 'P1', 'v24', 'P1', 'full'],
  ['v25', 'P1', 'v24', 'P2', 'full'],
  ['v25', 'C1', 'v24', 'C2', 'full'],
  ['v25', 'C1', 'v24', 'C3', 'partial'],
  ['v25', 'C5', 'v24', 'C3', 'partial'],
  ['v25', 'C5', 'v24', 'C4', 'full'],
];

describe('the scope roots of a unit in a tree (RegistryUnitTree, real PostgreSQL)', () => {
  let pool: pg.Pool;
  let port: RegistryUnitTree;
  const roots = async (unit: string, tree: string, unitTree?: string) =>
    (await port.scopeRootsIn(unit, tree, unitTree)).map((root) => root.path.join('>'));

  beforeAll(async () => {
    pool = new pg.Pool({ connectionString: await freshTestDatabase('scope_roots'), max: 2 });
    await pool.query(`CREATE TABLE rm_unit_trees (tree_version text PRIMARY KEY, effective_from date NOT NULL);
      CREATE TABLE rm_units (tree_version text, code text, path text[] NOT NULL, PRIMARY KEY (tree_version, code));
      CREATE TABLE rm_unit_lineage (tree_version text, code text, predecessor_tree_version text,
        predecessor_code text, relation text NOT NULL,
        PRIMARY KEY (tree_version, code, predecessor_tree_version, predecessor_code))`);
    for (const row of trees) await pool.query('INSERT INTO rm_unit_trees VALUES ($1, $2)', row);
    for (const row of units) await pool.query('INSERT INTO rm_units VALUES ($1, $2, $3)', row);
    for (const row of lineage)
      await pool.query('INSERT INTO rm_unit_lineage VALUES ($1, $2, $3, $4, $5)', row);
    port = new RegistryUnitTree(pool);
  });
  afterAll(() => pool.end());

  it('reads a unit in its home tree (the latest in force that has it) as itself', async () => {
    expect(await roots('C1', 'v25')).toEqual(['P1>C1']);
    expect(await roots('P1', 'v25')).toEqual(['P1']);
  });

  it("reads a code of the latest tree in an older one through lineage, not that tree's unit of the code", async () => {
    // v24's C1 is another commune; v25's C1 was made of C2 whole and of part of C3.
    expect(await roots('C1', 'v24')).toEqual(['P1>C2']);
    // v25's P1 took v24's P1 and P2 whole: both, whole, not their communes.
    expect((await roots('P1', 'v24')).sort()).toEqual(['P1', 'P2']);
  });

  it('reads a unit named with its tree as that unit there, and through lineage in a later tree', async () => {
    expect(await roots('C1', 'v24', 'v24')).toEqual(['P1>C1']);
    // C3 was split: both new communes that took part of it are its area in v25.
    expect((await roots('C3', 'v25')).sort()).toEqual(['P1>C1', 'P1>C5']);
  });

  it('takes as home the latest tree in force today, not one yet to come', async () => {
    // Were v99 (2099) the home of C1, nothing would link it to v24 and v24's own C1 would answer.
    expect(await roots('C1', 'v24')).toEqual(['P1>C2']);
  });

  it('keeps the old reading between trees no lineage links (a tree imported before its lineage)', async () => {
    expect(await roots('C1', 'v23')).toEqual(['P9>C1']);
    expect(await roots('C1', 'v99')).toEqual(['P1>C1']);
  });

  it('reads a unit named with its tree only through lineage elsewhere, never as an unlinked tree’s code', async () => {
    // A token for v25's C1 (unit_tree) says which unit it means: v23's and v99's C1 are others.
    expect(await roots('C1', 'v23', 'v25')).toEqual([]);
    expect(await roots('C1', 'v99', 'v25')).toEqual([]);
    expect(await roots('C1', 'v24', 'v25')).toEqual(['P1>C2']);
  });

  it('gives no area to a code no tree has', async () => {
    expect(await roots('C7', 'v24')).toEqual([]);
  });

  it('places many units at once in the tree in force on a day, leaving out codes it lacks', async () => {
    const placed = await port.placesOf(['C1', 'C5', 'C4', 'C7'], '2025-07-01');
    expect([...placed].map(([code, p]) => `${code}:${p.treeVersion}:${p.path.join('>')}`).sort()).toEqual([
      'C1:v25:P1>C1',
      'C5:v25:P1>C5',
    ]);
    expect((await port.placeOf('C4', '2025-06-30'))?.path).toEqual(['P2', 'C4']);
    expect((await port.placesOf(['C1'], '2019-12-31')).size).toBe(0);
  });
});
