import type { CampaignState } from './campaign.ts';

export const initialCampaignState = (): CampaignState => ({ defined: false });

/** A campaign is defined once and never changes: that it has an event is all the state there is. */
export const evolveCampaign = (): CampaignState => ({ defined: true });
