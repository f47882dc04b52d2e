// The registry replica's tables as TypeORM entities, for the DataSource of every service that keeps
// one: what its migrations are generated against. The replica itself writes hand-written SQL.
import { EntitySchema } from 'typeorm';

const text = { type: 'text' } as const;
const textKey = { type: 'text', primary: true } as const;
const texts = { type: 'text', array: true } as const;
const uuidKey = { type: 'uuid', primary: true } as const;

export interface ReplicaUnitTreeRow {
  treeVersion: string;
  effectiveFrom: string;
}
export const ReplicaUnitTree = new EntitySchema<ReplicaUnitTreeRow>({
  name: 'ReplicaUnitTree',
  tableName: 'replica_unit_trees',
  columns: { treeVersion: textKey, effectiveFrom: { type: 'date' } },
});

export interface ReplicaUnitRow {
  treeVersion: string;
  code: string;
  level: number;
  parentCode: string | null;
  origin: string;
  path: string[];
}
export const ReplicaUnit = new EntitySchema<ReplicaUnitRow>({
  name: 'ReplicaUnit',
  tableName: 'replica_units',
  columns: {
    treeVersion: textKey,
    code: textKey,
    level: { type: 'integer' },
    parentCode: { type: 'text', nullable: true },
    origin: text,
    path: texts,
  },
});

export interface ReplicaTeamRow {
  teamId: string;
  status: string;
  treeVersion: string;
  unitCode: string;
  unitPath: string[];
}
export const ReplicaTeam = new EntitySchema<ReplicaTeamRow>({
  name: 'ReplicaTeam',
  tableName: 'replica_teams',
  columns: { teamId: uuidKey, status: text, treeVersion: text, unitCode: text, unitPath: texts },
});

export interface ReplicaTeamMemberRow {
  teamId: string;
  memberId: string;
}
export const ReplicaTeamMember = new EntitySchema<ReplicaTeamMemberRow>({
  name: 'ReplicaTeamMember',
  tableName: 'replica_team_members',
  columns: { teamId: uuidKey, memberId: uuidKey },
});

/** Every replica table, for a service's DataSource. */
/** Which unit of the previous tree a unit was formed from: scope follows it across a reform (ADR 0022). */
export interface ReplicaUnitLineageRow {
  treeVersion: string;
  code: string;
  predecessorTreeVersion: string;
  predecessorCode: string;
  /** `full` or `partial`; null on rows consumed before it was kept. */
  relation: string | null;
}
export const ReplicaUnitLineage = new EntitySchema<ReplicaUnitLineageRow>({
  name: 'ReplicaUnitLineage',
  tableName: 'replica_unit_lineage',
  columns: {
    treeVersion: textKey,
    code: textKey,
    predecessorTreeVersion: textKey,
    predecessorCode: textKey,
    relation: { type: 'text', nullable: true },
  },
  indices: [
    { name: 'replica_unit_lineage_successors', columns: ['predecessorTreeVersion', 'predecessorCode'] },
  ],
});

/** The units part alone: a service that checks scope but never a team (the projection) keeps only these. */
export const replicaUnitEntities = [ReplicaUnitTree, ReplicaUnit, ReplicaUnitLineage];

export const replicaEntities = [...replicaUnitEntities, ReplicaTeam, ReplicaTeamMember];

/** The schema changes the replica tables took since their first release (each service lists them, in this order). */
export { ReplicaLineageRelation } from './replica-lineage-relation.migration.ts';
export { ReplicaLineageRelationFilled } from './replica-lineage-relation-filled.migration.ts';
