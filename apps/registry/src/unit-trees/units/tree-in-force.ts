// The tree a request is answered from: the one in force on a date, or a 404 that says what to import.
import { unitCodePattern, vietnamDay } from '@nhip/contracts';
import type pg from 'pg';
import { treeInForce, unitDetail, type TreeInForce, type UnitDetail } from './units.queries.ts';
import { notFound, ProblemError, problemType } from '@nhip/service-http';

type Db = Pick<pg.Pool, 'query'>;

export async function requireTreeInForce(db: Db, at: Date | string, field = 'asOf'): Promise<TreeInForce> {
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

/** A unit of the tree in force on a date, with its path and children; 404 when it has no such unit. */
export async function requireUnitInForce(db: Db, code: string, at: Date | string): Promise<UnitDetail> {
  const tree = await requireTreeInForce(db, at);
  const found = unitCodePattern.test(code) ? await unitDetail(db, tree, code) : undefined;
  if (!found) throw notFound(`unit in tree ${tree.treeVersion}`, 'code', code);
  return found;
}
