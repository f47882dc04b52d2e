export { KpiPassthroughController } from './kpi-passthrough.http.controller.ts';
export { KpiClient, type CatalogEntry, type KpiUnitView, type KpiViewIndicator } from './kpi-client.ts';
