// A campaign: "Mỗi đêm 1 giờ", weekend public-service days, a two-week VNeID push. A period, the
// units it covers, an optional target. Activities name it; the KPI service compares with it.
import type { CampaignDefinedData } from '@nhip/contracts';

export type CampaignEvent = { type: 'CampaignDefined'; data: CampaignDefinedData };

export interface DefineCampaign {
  readonly type: 'DefineCampaign';
  readonly campaign: CampaignDefinedData;
  /** Codes of `campaign.unitCodes` not in the tree in force (looked up before deciding). */
  readonly unknownUnits: readonly string[];
}

export type CampaignState = { readonly defined: boolean };

export const campaignStream = (campaignId: string): string => `campaign-${campaignId}`;
