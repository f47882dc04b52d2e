export { CoverageController } from './coverage.http.controller.ts';
