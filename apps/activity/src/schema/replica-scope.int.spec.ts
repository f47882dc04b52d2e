// The replica answers "where is the caller's area" only once the registry's events have brought the
// caller's unit (and, across a reform, the lineage into the tree asked about). Before that a signed-in
// officer is told to retry (503), not refused as outside its own area (403): npm start's demo, which
// uploads reports seconds after registering 14,000 units, met exactly that.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ReplicaScopeTree } from '@nhip/registry-replica';
import { ProblemError } from '@nhip/service-http';
import { freshTestDatabase, migrationHarness } from '@nhip/testing';
import type pg from 'pg';
import { activityDataSource } from './activity-data-source.ts';

const unit = (tree: string, code: string, path: string[]) =>
  `INSERT INTO replica_units (tree_version, code, level, parent_code, origin, path)
   VALUES ('${tree}', '${code}', ${path.length}, ${path.length > 1 ? `'${path.at(-2)}'` : 'NULL'}, 'test', ARRAY[${path.map((p) => `'${p}'`).join(',')}])`;

async function refusal(pending: Promise<unknown>): Promise<unknown> {
  try {
    await pending;
    return undefined;
  } catch (error) {
    return error instanceof ProblemError ? { status: error.problem.status, type: error.problem.type } : error;
  }
}

describe('the replica scope before and after the registry events arrive (real PostgreSQL)', () => {
  const { start, close } = migrationHarness(activityDataSource);
  let pool: pg.Pool;
  let tree: ReplicaScopeTree;
  beforeAll(async () => {
    pool = (await start(await freshTestDatabase('activity_replica_scope'))).pool;
    tree = new ReplicaScopeTree(pool);
  });
  afterAll(close);

  it('asks a caller whose unit it has not heard of to retry, and answers once it has', async () => {
    expect(await refusal(tree.scopeRootsIn('24175', 'vn-2025'))).toEqual({
      status: 503,
      type: 'https://nhip.vn/problems/area-not-yet-known',
    });
    await pool.query(unit('vn-2025', '66', ['66']));
    await pool.query(unit('vn-2025', '24175', ['66', '24175']));
    expect(await tree.scopeRootsIn('24175', 'vn-2025')).toEqual([
      { treeVersion: 'vn-2025', path: ['66', '24175'] },
    ]);
  });

  it('waits for the lineage before calling a former district’s area in the new tree empty', async () => {
    await pool.query(unit('vn-2024', '643', ['66', '643']));
    await pool.query(unit('vn-2024', '24176', ['66', '643', '24176']));
    expect(await refusal(tree.scopeRootsIn('643', 'vn-2025'))).toMatchObject({ status: 503 });
    await pool.query(
      `INSERT INTO replica_unit_lineage (tree_version, code, predecessor_tree_version, predecessor_code)
       VALUES ('vn-2025', '24175', 'vn-2024', '24176')`,
    );
    expect(await tree.scopeRootsIn('643', 'vn-2025')).toEqual([
      { treeVersion: 'vn-2025', path: ['66', '24175'] },
    ]);
    // Known everywhere it can be, and still no unit of this tree under it: an empty area, an answer.
    expect(await tree.scopeRootsIn('24176', 'vn-2025')).toEqual([
      { treeVersion: 'vn-2025', path: ['66', '24175'] },
    ]);
  });
});
