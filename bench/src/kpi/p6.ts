// P6 rounds: the same drill-downs asked of ours, the naive PostgreSQL query and DuckDB, one after
// the other per target so load drifts hit all three alike; every answer is checksum-compared.
import type { RunningService } from '@nhip/testing';
import type pg from 'pg';
import {
  naiveSql,
  ourAnswer,
  peerAnswer,
  type Answer,
  type PeerRow,
  type Target,
  type UnitIndicatorsJson,
} from './drilldown.ts';
import type { DuckPeer } from './duckdb-peer.ts';
import { provinceCode, treeVersion, year, type Shape } from './shape.ts';

export type System = 'ours' | 'naive' | 'duckdb';
export type Timings = Record<System, number[]>;

const log = (line: string) => process.stderr.write(`${line}\n`);

/**
 * A province and its districts, the operations center's first screen, alternately over the year
 * and over its second quarter. (A district over a month touches a few thousand rows: any index
 * answers that quickly, so it is not where precomputed rollups matter.)
 */
export function targetsOf(s: Shape, count: number): Target[] {
  return Array.from({ length: count }, (_, i): Target => {
    const code = provinceCode((i * 17) % s.provinces);
    return i % 2 === 0
      ? { code, level: 1, period: year, firstDay: `${year}-01-01`, lastDay: `${year}-12-31` }
      : { code, level: 1, period: `${year}-Q2`, firstDay: `${year}-04-01`, lastDay: `${year}-06-30` };
  });
}

export interface Askers {
  readonly kpi: RunningService;
  readonly pool: pg.Pool;
  readonly duck: DuckPeer;
}

async function ask(system: System, t: Target, a: Askers): Promise<Answer> {
  if (system === 'ours') {
    const reply = await a.kpi.get<UnitIndicatorsJson>(`/units/${t.code}/indicators?period=${t.period}`);
    if (reply.status !== 200) throw new Error(`GET /units/${t.code}/indicators answered ${reply.status}`);
    return ourAnswer(reply.body);
  }
  const values = [t.code, t.firstDay, t.lastDay, treeVersion];
  const rows =
    system === 'naive'
      ? (await a.pool.query<PeerRow>(naiveSql(t.level), values)).rows
      : await a.duck.query(naiveSql(t.level), values);
  return peerAnswer(t, rows);
}

const systems: readonly System[] = ['ours', 'naive', 'duckdb'];

/** One round over every target; throws when the three answers differ. Returns the lines compared. */
async function round(targets: readonly Target[], a: Askers, timings?: Timings): Promise<number> {
  let lines = 0;
  for (const t of targets) {
    const answers = new Map<System, Answer>();
    for (const system of systems) {
      const start = performance.now();
      answers.set(system, await ask(system, t, a));
      timings?.[system].push(performance.now() - start);
    }
    const ours = answers.get('ours') as Answer;
    for (const [system, answer] of answers) {
      if (answer.checksum !== ours.checksum)
        throw new Error(
          `${t.code} ${t.period}: ${system} differs from ours (${answer.lines.length} vs ${ours.lines.length} lines)`,
        );
    }
    if (ours.lines.length === 0) throw new Error(`${t.code} ${t.period}: no values to compare`);
    lines += ours.lines.length;
  }
  return lines;
}

export async function drillDowns(targets: readonly Target[], a: Askers, rounds: number): Promise<Timings> {
  await round(targets, a); // warm-up: plans, caches, the service's first requests
  const timings: Timings = { ours: [], naive: [], duckdb: [] };
  for (let r = 1; r <= rounds; r++) {
    const lines = await round(targets, a, timings);
    const last = (s: System) => timings[s].slice(-targets.length).reduce((x, y) => x + y, 0) / targets.length;
    log(
      `  round ${r}/${rounds}: ${targets.length} drill-downs, ${lines} values checksum-equal; mean ours ${last('ours').toFixed(1)} ms, naive ${last('naive').toFixed(1)} ms, duckdb ${last('duckdb').toFixed(1)} ms`,
    );
  }
  return timings;
}
