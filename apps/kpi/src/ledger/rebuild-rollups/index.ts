export { RebuildRollupsController } from './rebuild-rollups.http.controller.ts';
