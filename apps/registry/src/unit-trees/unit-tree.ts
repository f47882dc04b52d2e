// A version of the national unit tree (e.g. the 3-level tree until 30 June 2025, the 2-level one
// from 1 July 2025). The number of levels is data: a unit knows its level and its parent.

export interface UnitRow {
  readonly code: string;
  readonly name: string;
  readonly type: string;
  readonly level: number;
  readonly parentCode: string | null;
}

export type UnitTreeEvent =
  | { type: 'UnitTreeVersionOpened'; data: { treeVersion: string; effectiveFrom: string } }
  | { type: 'UnitAdded'; data: UnitRow }
  | { type: 'UnitRenamed'; data: { code: string; name: string; previousName: string } }
  | { type: 'UnitReclassified'; data: { code: string; type: string; previousType: string } }
  | { type: 'UnitMoved'; data: { code: string; level: number; parentCode: string | null } }
  | { type: 'UnitRetired'; data: { code: string } }
  | { type: 'UnitLineageRecorded'; data: { code: string; predecessors: readonly Predecessor[] } };

/** A unit of the previous tree that went, wholly or in part, into a unit of this one. */
export interface Predecessor {
  readonly treeVersion: string;
  readonly code: string;
  readonly relation: 'full' | 'partial';
}

export interface ImportUnitList {
  readonly type: 'ImportUnitList';
  readonly treeVersion: string;
  /** ISO date (YYYY-MM-DD) from which this tree is in force. */
  readonly effectiveFrom: string;
  readonly units: readonly UnitRow[];
}

/** The old→new mapping published with a reform, e.g. mapping-2024-to-2025.csv. */
export interface RecordLineage {
  readonly type: 'RecordLineage';
  readonly treeVersion: string;
  readonly previousTreeVersion: string;
  /** The codes of the previous tree, looked up before deciding; undefined when it is unknown. */
  readonly previousCodes: ReadonlySet<string> | undefined;
  readonly links: readonly {
    readonly code: string;
    readonly predecessorCode: string;
    readonly relation: 'full' | 'partial';
    readonly line: number;
  }[];
}

export type UnitTreeCommand = ImportUnitList | RecordLineage;

export interface UnitTreeState {
  readonly effectiveFrom: string | undefined;
  readonly units: ReadonlyMap<string, UnitRow>;
  readonly lineage: ReadonlyMap<string, readonly Predecessor[]>;
}

export const initialUnitTree = (): UnitTreeState => ({
  effectiveFrom: undefined,
  units: new Map(),
  lineage: new Map(),
});

/** Every tree version's stream name starts with it: the read-model rebuild finds them by it. */
export const unitTreeStreamPrefix = 'unit-tree-';

/** One stream per tree version, e.g. `unit-tree-vn-2025`. */
export const unitTreeStream = (treeVersion: string): string => `${unitTreeStreamPrefix}${treeVersion}`;

export const treeVersionOfStream = (streamId: string): string => streamId.slice(unitTreeStreamPrefix.length);
