export { FormerUnitController } from './former-unit.http.controller.ts';
