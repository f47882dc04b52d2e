export { ImportUnitListController } from './import-unit-list.http.controller.ts';
