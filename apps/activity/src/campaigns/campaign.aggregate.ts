import type { Aggregate } from '@nhip/event-sourcing';
import { projectCampaigns } from './campaign-catalog/index.ts';
import type { CampaignEvent, CampaignState, DefineCampaign } from './campaign.ts';
import { campaignDecider } from './campaign.decider.ts';
import { campaignOutbox } from './campaign.public-events.ts';

export const campaignAggregate: Aggregate<DefineCampaign, CampaignEvent, CampaignState> = {
  decider: campaignDecider,
  toOutbox: campaignOutbox,
  project: (tx, events) => projectCampaigns(tx, events),
};
