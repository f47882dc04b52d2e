// Explain one number: the formula and its version, each operand's figure and where it comes from
// (the events counted, the statistic with its source and date, the targets with who assigned
// them), each child's contribution, and a page of the source events from the ledger. A named
// grouping is explained like a unit (ADR 0037): its figures are its members' summed, so its
// sources are the members' and its members are the children whose contributions are listed.
import { statisticNames, type SourceEventOrder, type StatisticId } from '@nhip/contracts';
import type pg from 'pg';
import { loadFigures, type Figures } from '../../figures/figures.queries.ts';
import { evaluateUnits, orNull, type UnitIndicator } from '../../figures/indicator-values.ts';
import { groupingFigures, type NamedGrouping } from '../../figures/named-grouping.ts';
import { ledgerEnd, ledgerPage, statisticSource, targetSources } from '../../figures/sources.queries.ts';
import { childrenOf, type TreeUnit } from '../../figures/tree.queries.ts';
import { indicatorCatalog } from '../../indicators/catalog.ts';
import { metricKind } from '../../indicators/evaluate.ts';
import type { IndicatorDefinition, Operand } from '../../indicators/indicator.ts';
import { metricName } from '../../indicators/metric-names.ts';
import { targetPeriodOf, type Period } from '../../periods/period.ts';

type Db = Pick<pg.Pool, 'query'>;

/** What is explained: a unit with its children, or a named grouping with its members. */
export interface ExplainSubject {
  readonly unit: { readonly code: string; readonly name: string; readonly treeVersion: string };
  /** Whose contributions are listed and ranked: a unit's children, a grouping's members. */
  readonly children: readonly TreeUnit[];
  /** Whose targets, statistics and ledger rows the figure is made of: the unit, or the members. */
  readonly sources: readonly string[];
  /**
   * The tree the sources are named in: the unit's, or the grouping's. Not always `unit`'s: a
   * former district asked for a later period is named in its own tree, its sources in the later one.
   */
  readonly sourcesTree: string;
  /** The figures of the unit and its children (or the members) that `indicator` reads, from `db`. */
  readonly figures: (
    db: Db,
    period: Period,
    knownAt: string | undefined,
    indicator: IndicatorDefinition,
  ) => Promise<Figures>;
  readonly grouping: boolean;
}

export async function unitSubject(db: Db, unit: TreeUnit): Promise<ExplainSubject> {
  const children = await childrenOf(db, unit.treeVersion, [unit.code]);
  const codes = [unit.code, ...children.map((c) => c.code)];
  return {
    unit: { code: unit.code, name: unit.name, treeVersion: unit.treeVersion },
    children,
    sources: [unit.code],
    sourcesTree: unit.treeVersion,
    figures: (from, period, knownAt, indicator) =>
      loadFigures(from, codes, period, { knownAt, catalog: [indicator] }),
    grouping: false,
  };
}

export function groupingSubject(grouping: NamedGrouping): ExplainSubject {
  return {
    unit: { code: grouping.code, name: grouping.name, treeVersion: grouping.treeVersion },
    children: grouping.members,
    sources: grouping.members.map((m) => m.code),
    sourcesTree: grouping.treeVersion,
    figures: (from, period, knownAt, indicator) =>
      groupingFigures(from, grouping, period, { knownAt, catalog: [indicator] }),
    grouping: true,
  };
}

export interface ExplainRequest {
  readonly subject: ExplainSubject;
  readonly indicator: IndicatorDefinition;
  readonly period: Period;
  readonly knownAt: string | undefined;
  /** Which end of the ledger the pages start at. */
  readonly order: SourceEventOrder;
  /** The previous page's last position: the next page lists what comes after it in `order`. */
  readonly after: string | undefined;
  /** The position the first page answered; none for a first page, which reads where the ledger stands. */
  readonly until: string | undefined;
  readonly limit: number;
}

function metricSource(request: ExplainRequest, metric: Extract<Operand, { metric: string }>['metric']) {
  const counts = metricKind(metric);
  const over = request.subject.grouping ? ', over every member' : '';
  const how =
    counts === 'flow'
      ? `sum of the ledger deltas of the days in the period${over}`
      : `sum of the ledger deltas up to the period’s last day (the stock at its end)${over}`;
  return { kind: 'metric', metric, name: metricName(metric), counts, how };
}

async function statisticOf(db: Db, request: ExplainRequest, statistic: StatisticId) {
  const { subject, period } = request;
  const name = statisticNames[statistic];
  if (!subject.grouping) {
    const reported = await statisticSource(db, subject.sources[0] ?? '', statistic, period);
    return { kind: 'statistic', statistic, name, ...(reported ?? { missing: true }) };
  }
  // A grouping's statistic is its members' summed: each member's as reported, or missing.
  const members = [];
  for (const unitCode of subject.sources) {
    const reported = await statisticSource(db, unitCode, statistic, period);
    members.push({ unitCode, ...(reported ?? { missing: true }) });
  }
  return { kind: 'statistic', statistic, name, members };
}

async function sourceOf(db: Db, request: ExplainRequest, operand: Operand) {
  if ('metric' in operand) return metricSource(request, operand.metric);
  if ('target' in operand) {
    const assigned = [];
    const { period, subject } = request;
    for (const unit of subject.sources)
      assigned.push(
        ...(await targetSources(db, {
          unit,
          metric: operand.target,
          period,
          treeVersion: subject.sourcesTree,
          knownAt: request.knownAt,
        })),
      );
    const assignedFor = targetPeriodOf(period);
    return {
      kind: 'target',
      metric: operand.target,
      name: metricName(operand.target),
      period: assignedFor,
      assigned,
    };
  }
  return statisticOf(db, request, operand.statistic);
}

async function sourceEvents(db: Db, request: ExplainRequest) {
  const { numerator, denominator } = request.indicator;
  const operand = [numerator, denominator].find(
    (o): o is { metric: never } => o !== undefined && 'metric' in o,
  );
  if (!operand) return null;
  const until = request.until ?? (await ledgerEnd(db));
  const items = await ledgerPage(db, {
    units: request.subject.sources,
    metric: operand.metric,
    period: request.period,
    order: request.order,
    after: request.after,
    until,
    limit: request.limit,
    treeVersion: request.subject.sourcesTree,
    ...(request.knownAt === undefined ? {} : { knownAt: request.knownAt }),
  });
  return {
    metric: operand.metric,
    items,
    next: items.length === request.limit ? (items.at(-1)?.position ?? null) : null,
    until,
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
  const { subject, indicator, period, knownAt } = request;
  const childCodes = subject.children.map((c) => c.code);
  const values = evaluateUnits(
    await subject.figures(db, period, knownAt, indicator),
    [subject.unit.code, ...childCodes],
    childCodes,
    [indicator],
  );
  const own = values.get(subject.unit.code)?.[0];
  // The version in force, which the catalog already chose (inForce): a value may carry an older one.
  const newest = indicatorCatalog.find((d) => d.id === indicator.id)?.version ?? indicator.version;
  return {
    unit: subject.unit,
    period: period.key,
    knownAt: orNull(knownAt),
    indicator: { ...indicator, latestVersion: newest },
    value: orNull(own?.value),
    exact: orNull(own?.exact),
    missing: orNull(own?.missing),
    ...(await operands(db, request, own)),
    children: subject.children.map((c) => contribution(c, values.get(c.code)?.[0])),
    sourceEvents: await sourceEvents(db, request),
  };
}
