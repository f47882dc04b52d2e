// Explain one number: the formula and its version, each operand's figure and where it comes from
// (the events counted, the statistic with its source and date, the targets with who assigned
// them), each child's contribution, and a page of the source events from the ledger.
import type pg from 'pg';
import { loadFigures } from '../../figures/figures.queries.ts';
import { evaluateUnits, orNull, type UnitIndicator } from '../../figures/indicator-values.ts';
import { ledgerPage, statisticSource, targetSources } from '../../figures/sources.queries.ts';
import { childrenOf, type TreeUnit } from '../../figures/tree.queries.ts';
import { indicatorCatalog } from '../../indicators/catalog.ts';
import { metricKind } from '../../indicators/evaluate.ts';
import type { IndicatorDefinition, Operand } from '../../indicators/indicator.ts';
import type { Period } from '../../periods/period.ts';

type Db = Pick<pg.Pool, 'query'>;

export interface ExplainRequest {
  readonly unit: TreeUnit;
  readonly indicator: IndicatorDefinition;
  readonly period: Period;
  readonly knownAt: string | undefined;
  readonly after: string;
  readonly limit: number;
}

async function sourceOf(db: Db, request: ExplainRequest, operand: Operand) {
  const { unit, period } = request;
  if ('metric' in operand) {
    const counts = metricKind(operand.metric);
    const how =
      counts === 'flow'
        ? 'sum of the ledger deltas of the days in the period'
        : 'sum of the ledger deltas up to the period’s last day (the stock at its end)';
    return { kind: 'metric', metric: operand.metric, counts, how };
  }
  if ('target' in operand) {
    return {
      kind: 'target',
      metric: operand.target,
      assigned: await targetSources(db, unit.code, operand.target, period),
    };
  }
  const reported = await statisticSource(db, unit.code, operand.statistic, period);
  return { kind: 'statistic', statistic: operand.statistic, ...(reported ?? { missing: true }) };
}

async function sourceEvents(db: Db, request: ExplainRequest) {
  const { numerator, denominator } = request.indicator;
  const operand = [numerator, denominator].find(
    (o): o is { metric: never } => o !== undefined && 'metric' in o,
  );
  if (!operand) return null;
  const items = await ledgerPage(db, {
    unit: request.unit.code,
    metric: operand.metric,
    period: request.period,
    after: request.after,
    limit: request.limit,
    ...(request.knownAt === undefined ? {} : { knownAt: request.knownAt }),
  });
  return {
    metric: operand.metric,
    items,
    next: items.length === request.limit ? (items.at(-1)?.position ?? null) : null,
  };
}

const contribution = (child: TreeUnit, v: UnitIndicator | undefined) => ({
  code: child.code,
  name: child.name,
  numerator: orNull(v?.numerator),
  denominator: orNull(v?.denominator),
  value: orNull(v?.value),
  rank: orNull(v?.rank),
});

async function operands(db: Db, request: ExplainRequest, own: UnitIndicator | undefined) {
  const { numerator, denominator } = request.indicator;
  return {
    numerator: { figure: orNull(own?.numerator), source: await sourceOf(db, request, numerator) },
    denominator: denominator
      ? { figure: orNull(own?.denominator), source: await sourceOf(db, request, denominator) }
      : null,
  };
}

export async function explain(db: Db, request: ExplainRequest) {
  const { unit, indicator, period, knownAt } = request;
  const children = await childrenOf(db, unit.treeVersion, [unit.code]);
  const codes = [unit.code, ...children.map((c) => c.code)];
  const figures = await loadFigures(db, codes, period, knownAt);
  const values = evaluateUnits(
    figures,
    codes,
    children.map((c) => c.code),
    [indicator],
  );
  const own = values.get(unit.code)?.[0];
  const newest = Math.max(...indicatorCatalog.filter((d) => d.id === indicator.id).map((d) => d.version));
  return {
    unit: { code: unit.code, name: unit.name, treeVersion: unit.treeVersion },
    period: period.key,
    knownAt: orNull(knownAt),
    indicator: { ...indicator, latestVersion: newest },
    value: orNull(own?.value),
    exact: orNull(own?.exact),
    missing: orNull(own?.missing),
    ...(await operands(db, request, own)),
    children: children.map((c) => contribution(c, values.get(c.code)?.[0])),
    sourceEvents: await sourceEvents(db, request),
  };
}
