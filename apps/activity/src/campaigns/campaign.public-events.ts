// Campaign events → public events, keyed by campaign as the contract declares.
import { CampaignDefinedV1 } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, type ToOutbox } from '@nhip/event-sourcing';
import type { CampaignEvent, DefineCampaign } from './campaign.ts';

export const campaignOutbox: ToOutbox<DefineCampaign, CampaignEvent> = (events, envelope) =>
  toOutboxMessages(
    events.map((e) => publicMessage(CampaignDefinedV1, e.data)),
    envelope.commandId,
    envelope.metadata.occurredAt,
  );
