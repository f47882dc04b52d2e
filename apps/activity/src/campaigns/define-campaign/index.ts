export { DefineCampaignController } from './define-campaign.http.controller.ts';
