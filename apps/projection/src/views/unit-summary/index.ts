export { UnitSummaryController } from './unit-summary.http.controller.ts';
export { Summaries } from './summaries.ts';
export { SummaryQuery } from './unit-summary.request.ts';
export { unitSummary, type UnitSummary } from './unit-summary.queries.ts';
