// A campaign: "Mỗi đêm 1 giờ", weekend public-service days, a two-week VNeID push. A period, the
// units it covers, an optional target. Activities name it; the KPI service compares with it.
import { DomainRuleViolation, type Decider } from '@nhip/decider';
import type { CampaignDefinedData } from '@nhip/contracts';

export type CampaignEvent = { type: 'CampaignDefined'; data: CampaignDefinedData };

export interface DefineCampaign {
  readonly type: 'DefineCampaign';
  readonly campaign: CampaignDefinedData;
  /** Codes of `campaign.unitCodes` not in the tree in force (looked up before deciding). */
  readonly unknownUnits: readonly string[];
}

export type CampaignState = { readonly defined: boolean };

export function decideCampaign(command: DefineCampaign, state: CampaignState): CampaignEvent[] {
  if (state.defined) {
    throw new DomainRuleViolation(
      'campaign_already_registered',
      'This campaign id is already defined.',
      'campaignId',
    );
  }
  if (command.campaign.endsOn < command.campaign.startsOn) {
    throw new DomainRuleViolation('campaign_ends_before_it_starts', 'endsOn is before startsOn.', 'endsOn');
  }
  if (command.unknownUnits.length > 0) {
    throw new DomainRuleViolation(
      'unknown_unit',
      `Not in the unit tree in force: ${command.unknownUnits.join(', ')}.`,
      'unitCodes',
    );
  }
  return [{ type: 'CampaignDefined', data: command.campaign }];
}

export const campaignDecider: Decider<DefineCampaign, CampaignEvent, CampaignState> = {
  initialState: () => ({ defined: false }),
  decide: decideCampaign,
  evolve: () => ({ defined: true }),
};

export const campaignStream = (campaignId: string): string => `campaign-${campaignId}`;
