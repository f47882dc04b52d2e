// Each target listed under every unit of its path (kpi_target_reach, ADR 0056), written in the
// transaction that writes the target: the figures find a unit's candidate targets there by key.
import type pg from 'pg';

type Db = Pick<pg.ClientBase, 'query'>;

const listedSql = (where: string) => `
  INSERT INTO kpi_target_reach (reach_code, period, metric, unit_code, between_codes, value, assigned_by, assigned_at)
  SELECT reach.code, t.period, t.metric, t.unit_code, t.unit_path[reach.at : cardinality(t.unit_path) - 1],
         t.value, t.assigned_by, t.assigned_at
    FROM kpi_targets t CROSS JOIN LATERAL unnest(t.unit_path) WITH ORDINALITY AS reach(code, at)
   WHERE ${where}`;

/** Lists one target again, as it now stands (its path may have changed with a new assignment). */
export async function listTargetReach(
  db: Db,
  target: { readonly unitCode: string; readonly metric: string; readonly period: string },
): Promise<void> {
  const key = [target.unitCode, target.metric, target.period];
  await db.query('DELETE FROM kpi_target_reach WHERE unit_code = $1 AND metric = $2 AND period = $3', key);
  await db.query(listedSql('t.unit_code = $1 AND t.metric = $2 AND t.period = $3'), key);
}

/** Lists every target again: for data written straight into kpi_targets (test fixtures). */
export async function listAllTargetReach(db: Db): Promise<void> {
  await db.query('DELETE FROM kpi_target_reach');
  await db.query(listedSql('true'));
}
