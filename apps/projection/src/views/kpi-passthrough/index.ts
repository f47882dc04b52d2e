export { KpiPassthroughController } from './kpi-passthrough.http.controller.ts';
export { KpiClient, type CatalogEntry } from './kpi-client.ts';
