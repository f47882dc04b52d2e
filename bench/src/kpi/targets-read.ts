// Before anything is timed: the drill-downs read the targets the load assigned (load.ts), each
// province its own and each district the sum of its communes' (the nearest rule, ADR 0056), so
// P6's figures are those of a read that carries them, as a deployment's does.
import type pg from 'pg';
import type { UnitIndicatorsJson } from './drilldown.ts';
import type { ReadDrillDown } from './query-path.ts';
import { provinceCode, year, type Shape } from './shape.ts';

const indicator = 'vneid_vs_target';
const metric = 'residents_helped.vneid_activation';

/** Throws unless every unit of the last province's drill-down reads the target expected; returns how many. */
export async function checkTargetsRead(pool: pg.Pool, read: ReadDrillDown, s: Shape): Promise<number> {
  const code = provinceCode(s.provinces - 1);
  const view = await read(pool, code, year, [indicator]);
  if (!view) throw new Error(`The service's read found no unit ${code}`);
  const { rows } = await pool.query<{ unit: string; value: number }>(
    `SELECT unit_path[1] AS unit, value::float8 AS value FROM kpi_targets
      WHERE unit_path[1] = $1 AND cardinality(unit_path) = 1 AND metric = $2 AND period = $3
     UNION ALL
     SELECT unit_path[2], sum(value)::float8 FROM kpi_targets
      WHERE unit_path[1] = $1 AND cardinality(unit_path) = 3 AND metric = $2 AND period = $3
      GROUP BY unit_path[2]`,
    [code, metric, year],
  );
  const expected = new Map(rows.map((r) => [r.unit, r.value]));
  const targetOf = (list: UnitIndicatorsJson['indicators']) => list.find((i) => i.id === indicator)?.target;
  const seen = [
    [view.unit.code, targetOf(view.indicators)],
    ...view.children.map((c) => [c.code, targetOf(c.indicators)] as const),
  ] as const;
  for (const [unit, target] of seen)
    if (target !== expected.get(unit))
      throw new Error(`${unit}'s ${indicator} target read ${target}, assigned ${expected.get(unit)}`);
  return seen.length;
}
