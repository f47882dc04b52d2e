export { UnitIndicatorsController } from './unit-indicators.http.controller.ts';
