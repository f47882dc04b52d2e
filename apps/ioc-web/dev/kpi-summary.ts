// DEV SHIM ONLY (replaced by apps/projection at merge): the projection API's answers made from the
// KPI service's. A summary is the KPI's unit view plus each indicator's trend over the last six
// periods of its grain (one KPI call per period) and the unit's village coverage.
export interface Upstream {
  readonly kpi: string;
  readonly registry: string;
}

export interface Reply {
  readonly status: number;
  readonly body: unknown;
}

interface IndicatorView {
  readonly id: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  trend?: { period: string; value: number | null }[];
}
interface UnitIndicators {
  readonly unit: { code: string; name: string };
  readonly period: string;
  readonly indicators: IndicatorView[];
  readonly children: { code: string; name: string; indicators: IndicatorView[] }[];
}

export async function relay(url: string, authorization: string): Promise<Reply> {
  const reply = await fetch(url, { headers: { authorization } });
  const text = await reply.text();
  return { status: reply.status, body: text ? (JSON.parse(text) as unknown) : null };
}

/** The five periods before a key, of its grain: 2025 → 2020…2024, 2025-Q1 → 2023-Q4…2024-Q4. */
export function previousPeriods(key: string, count = 5): string[] {
  const [year, rest] = [Number(key.slice(0, 4)), key.slice(5)];
  if (key.length === 4) return Array.from({ length: count }, (_, i) => String(year - count + i));
  if (rest.startsWith('Q')) {
    const n = year * 4 + Number(rest.slice(1)) - 1;
    return Array.from({ length: count }, (_, i) => n - count + i).map(
      (m) => `${Math.floor(m / 4)}-Q${(m % 4) + 1}`,
    );
  }
  if (rest.length === 2) {
    const n = year * 12 + Number(rest) - 1;
    return Array.from({ length: count }, (_, i) => n - count + i).map(
      (m) => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
    );
  }
  const day = Date.parse(`${key}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) =>
    new Date(day - (count - i) * 86_400_000).toISOString().slice(0, 10),
  );
}

function withTrends(view: UnitIndicators, earlier: readonly (UnitIndicators | undefined)[]): void {
  const listOf = (e: UnitIndicators, code: string) =>
    e.unit.code === code ? e.indicators : e.children.find((c) => c.code === code)?.indicators;
  const pointsOf = (code: string, id: string) =>
    earlier.flatMap((e) =>
      e ? [{ period: e.period, value: listOf(e, code)?.find((x) => x.id === id)?.value ?? null }] : [],
    );
  const lists = [{ code: view.unit.code, indicators: view.indicators }, ...view.children];
  for (const { code, indicators } of lists) {
    for (const indicator of indicators) {
      indicator.trend = [...pointsOf(code, indicator.id), { period: view.period, value: indicator.value }];
    }
  }
}

export async function summaryOf(
  upstream: Upstream,
  code: string,
  period: string,
  authorization: string,
): Promise<Reply> {
  const at = (p: string) =>
    `${upstream.kpi}/units/${encodeURIComponent(code)}/indicators?period=${encodeURIComponent(p)}`;
  const now = await relay(at(period), authorization);
  if (now.status !== 200) return now;
  const view = now.body as UnitIndicators;
  const earlier = await Promise.all(
    previousPeriods(period).map(async (p) => {
      const reply = await relay(at(p), authorization);
      return reply.status === 200 ? (reply.body as UnitIndicators) : undefined;
    }),
  );
  withTrends(view, earlier);
  const villages = view.indicators.find((i) => i.id === 'villages_with_active_team');
  const coverage = { villages: villages?.denominator ?? 0, villagesWithTeam: villages?.numerator ?? 0 };
  return { status: 200, body: { ...view, coverage } };
}
