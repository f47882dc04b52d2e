// The KPI service publishes a value only once something was counted for it (ADR 0027), and a stock
// or a statistic reaches later periods without being published for them: an indicator without a
// target or statistic, a village's coverage in a quarter after it was registered. Where the read
// model has no value, the summary shows what the KPI service's own view shows (ADR 0035).
import type { KpiUnitView, KpiViewIndicator } from '../kpi-passthrough/index.ts';

/** The KPI service's view of a unit (with its children) for one period; undefined if refused. */
export type UnitViews = (code: string, period: string) => Promise<KpiUnitView | undefined>;

/** An indicator's figures in the KPI service's view of a unit and period, by `${id}|${version}`. */
export type FallbackOf = (code: string, period: string) => ReadonlyMap<string, KpiViewIndicator> | undefined;

const byIndicator = (indicators: readonly KpiViewIndicator[]) =>
  new Map(indicators.map((i) => [`${i.id}|${i.version}`, i]));

function indexed(view: KpiUnitView | undefined): Map<string, ReadonlyMap<string, KpiViewIndicator>> {
  if (!view) return new Map();
  return new Map([
    [view.unit.code, byIndicator(view.indicators)],
    ...view.children.map((c) => [c.code, byIndicator(c.indicators)] as const),
  ]);
}

/** Asks the KPI service only for the periods the read model lacks a value in, side by side. */
export async function kpiFallback(
  views: UnitViews,
  code: string,
  periods: readonly string[],
): Promise<FallbackOf> {
  const answers = await Promise.all(periods.map(async (p) => [p, indexed(await views(code, p))] as const));
  const byPeriod = new Map(answers);
  return (unit, period) => byPeriod.get(period)?.get(unit);
}
