import type { Decider } from '@nhip/decider';
import type { CampaignEvent, CampaignState, DefineCampaign } from './campaign.ts';
import { decideCampaign } from './campaign.decide.ts';
import { evolveCampaign, initialCampaignState } from './campaign.evolve.ts';

export const campaignDecider: Decider<DefineCampaign, CampaignEvent, CampaignState> = {
  initialState: initialCampaignState,
  decide: decideCampaign,
  evolve: evolveCampaign,
};
