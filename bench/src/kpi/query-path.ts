// Ours on the peers' path (ADR 0040): the KPI service's own drill-down read, loaded from its
// compiled output by path (as the benchmark starts the built service; a benchmark does not import a
// service's source), run on the benchmark's pool to the KPI database.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type pg from 'pg';
import { repo } from '../activity-stack.ts';
import type { UnitIndicatorsJson } from './drilldown.ts';

export type ReadDrillDown = (
  db: Pick<pg.Pool, 'query'>,
  code: string,
  period: string,
  indicatorIds?: readonly string[],
) => Promise<UnitIndicatorsJson | undefined>;

export async function serviceRead(): Promise<ReadDrillDown> {
  const file = path.join(repo, 'apps/kpi/dist/drill-down.read.js');
  const loaded = (await import(pathToFileURL(file).href)) as { readDrillDown?: unknown };
  if (typeof loaded.readDrillDown !== 'function') throw new Error(`${file} exports no readDrillDown`);
  return loaded.readDrillDown as ReadDrillDown;
}
