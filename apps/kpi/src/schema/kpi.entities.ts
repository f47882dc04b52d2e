// The KPI service's tables as TypeORM entities: what migrations are generated against. Reads and
// writes stay hand-written SQL (batched upserts, array containment), as in the other services.
import { EntitySchema } from 'typeorm';
import { KpiUnitLineage } from './kpi-lineage.entities.ts';
import { KpiGrouping } from './kpi-groupings.entities.ts';
import { KpiPublishedVersion } from './kpi-published-versions.entities.ts';
import { KpiTarget, KpiTargetReach } from './kpi-targets.entities.ts';

const text = { type: 'text' } as const;
const textKey = { type: 'text', primary: true } as const;
const texts = { type: 'text', array: true } as const;
const uuidKey = { type: 'uuid', primary: true } as const;
const bigint = { type: 'bigint' } as const;
const at = { type: 'timestamptz' } as const;

/** The unit trees as the registry publishes them: children, names and paths for the API. */
export const KpiUnitTree = new EntitySchema<{ treeVersion: string; effectiveFrom: string }>({
  name: 'KpiUnitTree',
  tableName: 'kpi_unit_trees',
  columns: { treeVersion: textKey, effectiveFrom: { type: 'date' } },
});

export const KpiUnit = new EntitySchema<{
  treeVersion: string;
  code: string;
  name: string;
  level: number;
  parentCode: string | null;
  origin: string;
  path: string[];
}>({
  name: 'KpiUnit',
  tableName: 'kpi_units',
  columns: {
    treeVersion: textKey,
    code: textKey,
    name: text,
    level: { type: 'integer' },
    parentCode: { type: 'text', nullable: true },
    origin: text,
    path: texts,
  },
  indices: [{ name: 'kpi_units_children', columns: ['treeVersion', 'parentCode'] }],
});

/** The ledger: one row per metric delta, what every number is explained and recomputed from. */
export const KpiDelta = new EntitySchema<{
  id: string;
  units: string[];
  metric: string;
  day: string;
  delta: string;
  sourceEventId: string;
  source: string | null;
  recordedAt: Date;
}>({
  name: 'KpiDelta',
  tableName: 'kpi_deltas',
  columns: {
    id: { type: 'bigint', primary: true, generated: 'increment' },
    units: texts,
    metric: text,
    day: { type: 'date' },
    delta: bigint,
    sourceEventId: text,
    // What the event is about (`activity/<id>`, ADR 0055); null in rows written before it was kept.
    source: { type: 'text', nullable: true },
    recordedAt: at,
  },
  // GIN over the units (a unit's deltas for explain and knownAt) is not expressible here.
  indices: [{ name: 'kpi_deltas_units', columns: ['units'], synchronize: false }],
});

/**
 * Rollup cells: a unit's net total of a metric in a period (day, month, quarter, year), keyed
 * (unit, period, metric) with the value included in the key's index (ADR 0037).
 */
export const KpiRollup = new EntitySchema<{
  unitCode: string;
  period: string;
  metric: string;
  periodKind: string;
  value: string;
}>({
  name: 'KpiRollup',
  tableName: 'kpi_rollups',
  columns: { unitCode: textKey, period: textKey, metric: textKey, periodKind: text, value: bigint },
  // The stock metrics' day cells, and their month and year cells, in (unit, metric, period) order,
  // partial: not expressible here.
  indices: [
    { name: 'kpi_rollups_stock_days', columns: ['unitCode', 'metric', 'period'], synchronize: false },
    { name: 'kpi_rollups_stock_spans', columns: ['unitCode', 'metric', 'period'], synchronize: false },
  ],
});

/** What was counted for each activity, so a correction or a void takes back exactly that. */
export const KpiActivityFact = new EntitySchema<{
  activityId: string;
  kind: string;
  residentsHelped: number;
  placePath: string[];
  day: string;
  voided: boolean;
}>({
  name: 'KpiActivityFact',
  tableName: 'kpi_activity_facts',
  columns: {
    activityId: uuidKey,
    kind: text,
    residentsHelped: { type: 'integer' },
    placePath: texts,
    day: { type: 'date' },
    voided: { type: 'boolean' },
  },
});

/** Corrections and voids of activities never seen here: kept aside, counted nowhere. */
export const KpiOrphanChange = new EntitySchema<{ eventId: string; activityId: string; type: string }>({
  name: 'KpiOrphanChange',
  tableName: 'kpi_orphan_changes',
  columns: { eventId: textKey, activityId: { type: 'uuid' }, type: text },
});

export const KpiTeam = new EntitySchema<{
  teamId: string;
  path: string[];
  treeVersion: string;
  active: boolean;
}>({
  name: 'KpiTeam',
  tableName: 'kpi_teams',
  columns: { teamId: uuidKey, path: texts, treeVersion: text, active: { type: 'boolean' } },
});

export const KpiTeamMember = new EntitySchema<{ teamId: string; memberId: string }>({
  name: 'KpiTeamMember',
  tableName: 'kpi_team_members',
  columns: { teamId: uuidKey, memberId: uuidKey },
  indices: [{ name: 'kpi_team_members_member', columns: ['memberId'] }],
});

export const KpiTrainedMember = new EntitySchema<{ memberId: string }>({
  name: 'KpiTrainedMember',
  tableName: 'kpi_trained_members',
  columns: { memberId: uuidKey },
});

/** Keyed by tree and code: the reform numbered each commune's villages afresh (ADR 0069). */
export const KpiVillage = new EntitySchema<{
  treeVersion: string;
  code: string;
  path: string[];
  activeTeams: number;
}>({
  name: 'KpiVillage',
  tableName: 'kpi_villages',
  columns: { treeVersion: textKey, code: textKey, path: texts, activeTeams: { type: 'integer' } },
});

export const KpiStatistic = new EntitySchema<{
  unitCode: string;
  statistic: string;
  asOf: string;
  value: string;
  source: string;
  recordedAt: Date;
}>({
  name: 'KpiStatistic',
  tableName: 'kpi_statistics',
  columns: {
    unitCode: textKey,
    statistic: textKey,
    asOf: { type: 'date', primary: true },
    value: bigint,
    source: text,
    recordedAt: at,
  },
});

/** The last value published per (unit, indicator, period): only a change is published again. */
export const KpiPublished = new EntitySchema<{
  unitCode: string;
  indicatorId: string;
  period: string;
  version: number;
  figures: string;
}>({
  name: 'KpiPublished',
  tableName: 'kpi_published',
  columns: {
    unitCode: textKey,
    indicatorId: textKey,
    period: textKey,
    version: { type: 'integer' },
    figures: text,
  },
});

export const kpiEntities = [
  KpiUnitTree,
  KpiUnit,
  KpiDelta,
  KpiRollup,
  KpiActivityFact,
  KpiOrphanChange,
  KpiTeam,
  KpiTeamMember,
  KpiTrainedMember,
  KpiVillage,
  KpiTarget,
  KpiTargetReach,
  KpiStatistic,
  KpiPublished,
  KpiPublishedVersion,
  KpiUnitLineage,
  KpiGrouping,
];
