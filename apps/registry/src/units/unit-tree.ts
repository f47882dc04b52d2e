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
  | { type: 'UnitRetired'; data: { code: string } };

export interface ImportUnitList {
  readonly type: 'ImportUnitList';
  readonly treeVersion: string;
  /** ISO date (YYYY-MM-DD) from which this tree is in force. */
  readonly effectiveFrom: string;
  readonly units: readonly UnitRow[];
}

export type UnitTreeCommand = ImportUnitList;

export interface UnitTreeState {
  readonly effectiveFrom: string | undefined;
  readonly units: ReadonlyMap<string, UnitRow>;
}

export const initialUnitTree = (): UnitTreeState => ({ effectiveFrom: undefined, units: new Map() });
