import { vietnamDay } from '@nhip/contracts';
import type pg from 'pg';
import { treeInForce, type TreeInForce } from './unit-tree.queries.ts';
import { ProblemError, problemType } from '@nhip/service-http';

export async function requireTreeInForce(
  db: Pick<pg.Pool, 'query'>,
  at: Date | string,
  field = 'asOf',
): Promise<TreeInForce> {
  const date = typeof at === 'string' ? at : vietnamDay(at);
  const tree = await treeInForce(db, date);
  if (tree) return tree;
  throw new ProblemError({
    type: problemType('no-unit-tree'),
    title: 'No unit tree in force',
    status: 404,
    detail: `No unit tree is in force on ${date}: import the official unit list first (POST /unit-trees/{version}/imports).`,
    errors: [{ field, reason: `no tree in force on ${date}` }],
  });
}
