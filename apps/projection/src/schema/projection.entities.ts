// The projection's own tables as TypeORM entities (what its migrations are generated against);
// the read models write hand-written SQL.
import { EntitySchema } from 'typeorm';

/** Units' names by tree version: the replica keeps paths only, a dashboard shows names. */
export interface UnitNameRow {
  treeVersion: string;
  code: string;
  name: string;
}
export const UnitName = new EntitySchema<UnitNameRow>({
  name: 'UnitName',
  tableName: 'projection_unit_names',
  columns: {
    treeVersion: { type: 'text', primary: true },
    code: { type: 'text', primary: true },
    name: { type: 'text' },
  },
});

/** The latest value of each unit's indicator and period: the highest revision the KPI service sent. */
export interface IndicatorValueRow {
  unitCode: string;
  indicatorId: string;
  period: string;
  revision: string;
  data: unknown;
}
export const IndicatorValue = new EntitySchema<IndicatorValueRow>({
  name: 'IndicatorValue',
  tableName: 'projection_values',
  columns: {
    unitCode: { type: 'text', primary: true },
    indicatorId: { type: 'text', primary: true },
    period: { type: 'text', primary: true },
    revision: { type: 'numeric' },
    data: { type: 'jsonb' },
  },
});

/**
 * Every change that reached the read model, in commit order: what a stream sends and what a
 * reconnecting client replays by Last-Event-ID, kept for the retention window (ADR 0029).
 */
export interface ChangeRow {
  seq: string;
  unitCode: string;
  period: string;
  /** The unit's path in the tree in force for the period: a stream's scope is one array test. */
  path: string[];
  data: unknown;
  at: Date;
  /** The Kafka timestamp of the KPI event it came from: what the stream's freshness is measured from. */
  eventAt: Date | null;
  /** Whether it moved the value's target (a key's first value does); null for rows from before. */
  targetMoved: boolean | null;
}
export const Change = new EntitySchema<ChangeRow>({
  name: 'Change',
  tableName: 'projection_changes',
  columns: {
    seq: { type: 'bigint', primary: true, generated: 'increment' },
    unitCode: { type: 'text' },
    period: { type: 'text' },
    path: { type: 'text', array: true },
    data: { type: 'jsonb' },
    at: { type: 'timestamptz', default: () => 'now()' },
    eventAt: { type: 'timestamptz', nullable: true },
    targetMoved: { type: 'boolean', nullable: true },
  },
  indices: [{ name: 'projection_changes_at', columns: ['at'] }],
});

/** The highest sequence the retention window has deleted: a resume from before it gets a reset. */
export interface ChangeHorizonRow {
  id: number;
  prunedThrough: string;
}
export const ChangeHorizon = new EntitySchema<ChangeHorizonRow>({
  name: 'ChangeHorizon',
  tableName: 'projection_change_horizon',
  columns: { id: { type: 'integer', primary: true }, prunedThrough: { type: 'bigint' } },
});

export const projectionEntities = [UnitName, IndicatorValue, Change, ChangeHorizon];
