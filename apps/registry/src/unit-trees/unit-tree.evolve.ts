import type { Predecessor, UnitRow, UnitTreeEvent, UnitTreeState } from './unit-tree.ts';

export function evolveUnitTree(state: UnitTreeState, event: UnitTreeEvent): UnitTreeState {
  switch (event.type) {
    case 'UnitTreeVersionOpened':
      return { ...state, effectiveFrom: event.data.effectiveFrom };
    case 'UnitAdded':
      return withUnit(state, event.data.code, () => event.data);
    case 'UnitRenamed':
      return withUnit(state, event.data.code, (u) => ({ ...u, name: event.data.name }));
    case 'UnitReclassified':
      return withUnit(state, event.data.code, (u) => ({ ...u, type: event.data.type }));
    case 'UnitMoved':
      return withUnit(state, event.data.code, (u) => ({
        ...u,
        level: event.data.level,
        parentCode: event.data.parentCode,
      }));
    case 'UnitRetired':
      (state.units as Map<string, UnitRow>).delete(event.data.code);
      return state;
    case 'UnitLineageRecorded':
      (state.lineage as Map<string, readonly Predecessor[]>).set(event.data.code, event.data.predecessors);
      return state;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

// Copying the map per event would make folding the national list (10,806 units) quadratic. Each
// fold starts from a fresh initialUnitTree(), so the map belongs to that fold and is changed in
// place; callers must not keep a state and fold further events into it expecting the old one.
function withUnit(state: UnitTreeState, code: string, change: (unit: UnitRow) => UnitRow): UnitTreeState {
  const units = state.units as Map<string, UnitRow>;
  const current = units.get(code);
  units.set(code, change(current ?? ({ code } as UnitRow)));
  return state;
}
