// An indicator's value for one unit and period from its operands' figures: the ratio, the figures it
// came from, and, when it has none, why (no target assigned, no statistic reported yet), so a tile
// can say "chưa giao chỉ tiêu" instead of showing 0 %.
import type { IndicatorDefinition, MetricId, Operand, StatisticId } from './indicator.ts';
import { ratio } from './ratio.ts';

/** A flow sums what happened within the period; a stock is the state at the period's end. */
export function metricKind(metric: MetricId): 'flow' | 'stock' {
  return metric.startsWith('residents_helped.') || metric.startsWith('activities.') ? 'flow' : 'stock';
}

/** The figures of one unit and period an indicator may need; undefined when there is none. */
export interface OperandFigures {
  metric(id: MetricId): number;
  statistic(id: StatisticId): number | undefined;
  target(id: MetricId): number | undefined;
}

export type Missing = 'no-target' | 'no-statistic' | 'zero-denominator';

export interface IndicatorValue {
  readonly indicatorId: string;
  readonly version: number;
  readonly numerator: number | undefined;
  readonly denominator: number | undefined;
  /** Rounded to the indicator's decimals; undefined with `missing` saying why. */
  readonly value: number | undefined;
  readonly exact: string | undefined;
  readonly missing?: Missing;
}

function figureOf(operand: Operand, figures: OperandFigures): number | undefined {
  if ('metric' in operand) return figures.metric(operand.metric);
  if ('statistic' in operand) return figures.statistic(operand.statistic);
  return figures.target(operand.target);
}

const missingOf = (operand: Operand): Missing => ('target' in operand ? 'no-target' : 'no-statistic');

export function evaluate(definition: IndicatorDefinition, figures: OperandFigures): IndicatorValue {
  const base = { indicatorId: definition.id, version: definition.version };
  const numerator = figureOf(definition.numerator, figures);
  const denominator = definition.denominator && figureOf(definition.denominator, figures);
  const none = { value: undefined, exact: undefined };
  if (numerator === undefined)
    return { ...base, numerator, denominator, ...none, missing: missingOf(definition.numerator) };
  if (!definition.denominator) {
    return { ...base, numerator, denominator: undefined, value: numerator, exact: String(numerator) };
  }
  if (denominator === undefined)
    return { ...base, numerator, denominator, ...none, missing: missingOf(definition.denominator) };
  const computed = ratio(
    numerator,
    denominator,
    definition.unit === 'percent' ? 100 : 1,
    definition.decimals,
  );
  if (!computed) return { ...base, numerator, denominator, ...none, missing: 'zero-denominator' };
  return { ...base, numerator, denominator, value: computed.value, exact: computed.exact };
}
