import { DomainRuleViolation } from '@nhip/decider';
import type { CampaignEvent, CampaignState, DefineCampaign } from './campaign.ts';

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
