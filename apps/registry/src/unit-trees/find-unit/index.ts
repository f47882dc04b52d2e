// Finding units by name: the search box of the dashboards, through the unit-tree read model.
export { FindUnitController } from './find-unit.http.controller.ts';
