// The drill-down's read as GET /units/{code}/indicators makes it (current figures), published for
// a caller holding its own pool to the KPI database: bench:kpi measures it on the path its SQL
// peers take, one statement from the benchmark's pool and the rows assembled in the process
// (ADR 0040). The route adds the token, the scope check and the JSON encoding around the same two
// functions (and reads a unit replaced in the period's tree through its successors instead, ADR
// 0050, which the benchmark never asks for); the benchmark loads the compiled file by path, as it
// starts the built service.
import type pg from 'pg';
import { loadDrillDown } from './figures/drill-down.queries.ts';
import { drillDownView, type UnitIndicators } from './figures/unit-view.ts';
import { catalogEntries, indicatorCatalog } from './indicators/catalog.ts';
import { parsePeriod } from './periods/period.ts';

/**
 * The unit's and its children's indicators for the period (only those ids when given, as
 * `?indicators=` asks); undefined for an unknown unit.
 */
export async function readDrillDown(
  db: Pick<pg.Pool, 'query'>,
  code: string,
  periodKey: string,
  indicatorIds?: readonly string[],
): Promise<UnitIndicators | undefined> {
  const period = parsePeriod(periodKey);
  if (!period) throw new Error(`${periodKey} is not a period`);
  const catalog = indicatorIds === undefined ? indicatorCatalog : catalogEntries(indicatorIds);
  const found = await loadDrillDown(db, code, period, catalog);
  return found && drillDownView(found, period, undefined, catalog);
}
