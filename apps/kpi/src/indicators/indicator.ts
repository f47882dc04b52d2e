// What an indicator is: a numerator over a denominator, each a metric counted from events, a
// statistic reported by a source system, or a target assigned by a higher unit. A changed formula is
// a new version; every value records the version it was computed with.
import type { ActivityKind, StatisticId } from '@nhip/contracts';

/** Counted from events. A flow sums what happened in the period; a stock is the state at its end. */
export type MetricId =
  | `residents_helped.${ActivityKind}`
  | `activities.${ActivityKind}`
  | 'villages'
  | 'villages_with_active_team'
  | 'active_teams'
  | 'active_members'
  | 'active_members_trained';

// The statistics' ids are part of the partners' contract (partner.statistics.v1).
export { statisticIds, type StatisticId } from '@nhip/contracts';

export type Operand =
  | { readonly metric: MetricId }
  | { readonly statistic: StatisticId }
  /** The target a higher unit assigned for this metric and period ("chỉ tiêu được giao"). */
  | { readonly target: MetricId };

export interface ComparisonLine {
  readonly kind: 'national-average' | 'national-target' | 'province-target' | 'local-target';
  readonly value: number;
  /** Where the figure comes from, in English (what the first catalog gave). */
  readonly source: string;
  /** The same in Vietnamese and English. */
  readonly sourceName: { readonly vi: string; readonly en: string };
}

export interface IndicatorDefinition {
  readonly id: string;
  readonly version: number;
  readonly name: { readonly vi: string; readonly en: string };
  /** percent: numerator / denominator × 100; ratio: × 1; count: the numerator alone. */
  readonly unit: 'percent' | 'ratio' | 'count';
  readonly decimals: number;
  readonly direction: 'higher-is-better' | 'lower-is-better';
  readonly numerator: Operand;
  readonly denominator?: Operand;
  readonly comparisons: readonly ComparisonLine[];
}
