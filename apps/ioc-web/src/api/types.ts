// The projection service's answers as the dashboard reads them (the agreed projection API: the KPI
// service's shapes plus trend and coverage).
import type { Coverage, IndicatorChangedData, SourceKind } from '@nhip/contracts';

export interface TrendPoint {
  readonly period: string;
  readonly value: number | null;
}

export interface ComparisonLine {
  readonly kind: 'national-average' | 'national-target' | 'province-target' | 'local-target';
  readonly value: number;
  /** Where the figure comes from (a decision, a yearbook): on hover on a tile, written out in its explanation. */
  readonly source: string;
  /** The same in both languages; absent from a KPI service older than it. */
  readonly sourceName?: { readonly vi: string; readonly en: string };
}

export interface Indicator {
  readonly id: string;
  readonly version: number;
  readonly name: { readonly vi: string; readonly en: string };
  readonly unit: 'percent' | 'ratio' | 'count';
  value: number | null;
  exact: string | null;
  numerator: number | null;
  denominator: number | null;
  target: number | null;
  attainment: number | null;
  rank: number | null;
  missing: string | null;
  readonly trend?: TrendPoint[];
  readonly comparisons?: readonly ComparisonLine[];
}

export interface ChildUnit {
  readonly code: string;
  readonly name: string;
  readonly indicators: Indicator[];
}

export interface Summary {
  readonly unit: { readonly code: string; readonly name: string; readonly treeVersion: string };
  /** The units above it in its own tree, the province first (none for a province). */
  readonly ancestors?: readonly { readonly code: string; readonly name: string }[];
  readonly period: string;
  readonly knownAt: string | null;
  readonly indicators: Indicator[];
  readonly children: ChildUnit[];
  /** The figures of `villages_with_active_team` when the summary was made; null without them. */
  readonly coverage?: Coverage | null;
  /** A unit not in force in the period (a 2024 district in 2026): the tree of the units that replaced it. */
  readonly successorsIn?: string | null;
}

export type Change = IndicatorChangedData & { readonly unitName?: string };

export interface Name {
  readonly vi: string;
  readonly en: string;
}

/** A statistic as reported for a unit: its figure, who measured it and the day it describes. */
export interface ReportedStatistic {
  readonly value?: number;
  readonly source?: string;
  readonly asOf?: string;
  readonly missing?: boolean;
}

/** A target that makes up the figure: the unit given it and the unit that gave it, with names. */
export interface AssignedTarget {
  readonly unitCode: string;
  readonly unitName?: string | null;
  readonly value: number;
  readonly assignedBy: string;
  readonly assignedByName?: string | null;
  readonly assignedAt: string;
}

export interface Operand {
  readonly figure: number | null;
  readonly source: ReportedStatistic & {
    readonly kind: 'metric' | 'target' | 'statistic';
    readonly metric?: string;
    readonly statistic?: string;
    /** The metric's or the statistic's name (the KPI service names them since 2026-12-05). */
    readonly name?: Name;
    /** A metric's: a flow sums the period's days, a stock is the state on its last day. */
    readonly counts?: 'flow' | 'stock';
    readonly how?: string;
    readonly assigned?: readonly AssignedTarget[];
    /** A target's: the period it was assigned for (a year to date is measured against its year's). */
    readonly period?: string;
    /** A grouping's statistic: each member's as reported. */
    readonly members?: readonly (ReportedStatistic & { readonly unitCode: string })[];
  };
}

export interface Explanation {
  readonly unit: { readonly code: string; readonly name: string };
  readonly period: string;
  readonly knownAt: string | null;
  readonly indicator: Indicator & {
    readonly decimals: number;
    readonly latestVersion: number;
    readonly numerator: Record<string, string>;
    readonly denominator?: Record<string, string>;
  };
  readonly value: number | null;
  readonly exact: string | null;
  readonly missing: string | null;
  readonly numerator: Operand;
  readonly denominator: Operand | null;
  readonly children: readonly {
    code: string;
    name: string;
    numerator: number | null;
    denominator: number | null;
    value: number | null;
  }[];
  readonly sourceEvents: {
    readonly items: readonly {
      position: string;
      sourceEventId: string;
      /** What the event was about; null for one recorded before the ledger kept it. */
      source: { kind: SourceKind; id: string } | null;
      /** The last unit it counts in: a report's village or commune. */
      place: { code: string; name: string | null };
      delta: number;
      day: string;
      recordedAt: string;
    }[];
    /** The position to ask the next page after; null on the last page. */
    readonly next: string | null;
    /** Where the ledger stood when the figure was read: the next pages ask up to it. */
    readonly until?: string;
  } | null;
}

export interface FoundUnit {
  readonly code: string;
  readonly name: string;
  readonly place: readonly string[];
  readonly via: 'name' | 'former-name';
  readonly matchedName: string;
}

/** What the registry's coverage says of teams still on a unit of an earlier tree (ADR 0065, 0068). */
export interface TeamsToMove {
  readonly unit: { readonly code: string; readonly name: string; readonly teamsToMove: number };
  readonly children: readonly {
    readonly code: string;
    readonly name: string;
    readonly teamsToMove: number;
  }[];
}

/**
 * The registry's carry-overs under a unit (ADR 0070): per commune formed by the reform, the teams its
 * carry-over would move and those left for a person (a divided commune's, two villages of one name).
 */
export interface CarryOvers {
  readonly communes: readonly {
    readonly code: string;
    readonly name: string;
    readonly summary: { readonly teamsToMove: number; readonly teamsLeft: number };
  }[];
  /** Each team once: a divided commune's team waits in the plan of each commune it may go to. */
  readonly waiting: { readonly teams: number };
}

/** The line under the coverage: the teams to move in and, when some wait, who waits for a person. */
export interface TeamsWaiting {
  readonly coverage: TeamsToMove;
  readonly carryOvers?: CarryOvers;
}
