// The registry's read models as TypeORM entities: what migrations are generated against and what
// an entity-based query may use. The projections and queries themselves stay hand-written SQL.
import { EntitySchema } from 'typeorm';
import { foldNameSql } from './unit-search-name.ts';

// A GIN index cannot be said in an EntitySchema (only decorators take an index type): such an index
// is declared with synchronize: false, so a generated migration neither creates nor drops it, and
// is written by hand in the migration that adds it.
const text = { type: 'text' } as const;
const textKey = { type: 'text', primary: true } as const;
const texts = { type: 'text', array: true } as const;

export interface UnitTreeRow {
  treeVersion: string;
  effectiveFrom: string;
}
export const UnitTree = new EntitySchema<UnitTreeRow>({
  name: 'UnitTree',
  tableName: 'rm_unit_trees',
  columns: { treeVersion: textKey, effectiveFrom: { type: 'date' } },
});

export interface UnitRow {
  treeVersion: string;
  code: string;
  name: string;
  type: string;
  level: number;
  parentCode: string | null;
  origin: string;
  /** Codes from the province down to the unit itself. */
  path: string[];
  /** The name as search compares it (no diacritics, lower case), kept by PostgreSQL. */
  searchName: string;
  /** A village taken over by a later tree's: that village (ADR 0068). */
  carriedToTreeVersion: string | null;
  carriedToCode: string | null;
}
export const Unit = new EntitySchema<UnitRow>({
  name: 'Unit',
  tableName: 'rm_units',
  columns: {
    treeVersion: textKey,
    code: textKey,
    name: text,
    type: text,
    level: { type: 'integer' },
    parentCode: { type: 'text', nullable: true },
    origin: text,
    path: { ...texts, default: () => `'{}'` },
    searchName: {
      type: 'text',
      generatedType: 'STORED',
      asExpression: foldNameSql('name'),
      insert: false,
      update: false,
    },
    carriedToTreeVersion: { type: 'text', nullable: true },
    carriedToCode: { type: 'text', nullable: true },
  },
  indices: [
    { name: 'rm_units_children', columns: ['treeVersion', 'parentCode'] },
    { name: 'rm_units_subtree', columns: ['path'], synchronize: false },
  ],
});

export interface UnitLineageRow {
  treeVersion: string;
  code: string;
  predecessorTreeVersion: string;
  predecessorCode: string;
  relation: string;
}
export const UnitLineage = new EntitySchema<UnitLineageRow>({
  name: 'UnitLineage',
  tableName: 'rm_unit_lineage',
  columns: {
    treeVersion: textKey,
    code: textKey,
    predecessorTreeVersion: textKey,
    predecessorCode: textKey,
    relation: text,
  },
  indices: [{ name: 'rm_unit_lineage_successors', columns: ['predecessorTreeVersion', 'predecessorCode'] }],
});

export interface TeamRow {
  teamId: string;
  name: string;
  teamType: string;
  status: string;
  treeVersion: string;
  unitCode: string;
  unitPath: string[];
  decisionNumber: string;
  decisionDate: string;
  leaderId: string | null;
  registeredAt: Date;
  updatedAt: Date;
}
export const Team = new EntitySchema<TeamRow>({
  name: 'Team',
  tableName: 'rm_teams',
  columns: {
    teamId: { type: 'uuid', primary: true },
    name: text,
    teamType: text,
    status: text,
    treeVersion: text,
    unitCode: text,
    unitPath: texts,
    decisionNumber: text,
    decisionDate: { type: 'date' },
    leaderId: { type: 'uuid', nullable: true },
    registeredAt: { type: 'timestamptz' },
    updatedAt: { type: 'timestamptz' },
  },
  indices: [{ name: 'rm_teams_subtree', columns: ['unitPath'], synchronize: false }],
});

export interface TeamMemberRow {
  teamId: string;
  memberId: string;
  role: string;
  affiliation: string;
}
export const TeamMember = new EntitySchema<TeamMemberRow>({
  name: 'TeamMember',
  tableName: 'rm_team_members',
  columns: {
    teamId: { type: 'uuid', primary: true },
    memberId: { type: 'uuid', primary: true },
    role: text,
    affiliation: text,
  },
});

/** One row: the projection version the read models were built by. */
export interface ReadModelMetaRow {
  id: number;
  version: number;
}
export const ReadModelMeta = new EntitySchema<ReadModelMetaRow>({
  name: 'ReadModelMeta',
  tableName: 'rm_meta',
  columns: { id: { type: 'integer', primary: true }, version: { type: 'integer' } },
});
