// The units read model (rm_unit_trees, rm_units, rm_unit_lineage): fed by tree versions and
// villages, read by everything that needs the tree in force.
export { UnitsController } from './units.http.controller.ts';
export { AsOfDto } from './units.request.ts';
export { projectUnitTree, projectVillages, unitTreeTables, villageTables } from './units.projection.ts';
export { findUnit, treeInForce, type TreeInForce, type UnitDetail, type UnitView } from './units.queries.ts';
export { requireTreeInForce, requireUnitInForce } from './tree-in-force.ts';
export { RegistryUnitTree } from './unit-tree-port.ts';
