export { CampaignCatalogController } from './campaign-catalog.http.controller.ts';
export { projectCampaigns } from './campaign-catalog.projection.ts';
export { loadCampaigns } from './campaign-catalog.queries.ts';
