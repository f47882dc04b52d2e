// Defining a campaign: the units it covers must be in the tree in force, as this service's replica
// of the registry knows it; the decider refuses the rest.
import { vietnamDay, type CampaignDefinedData } from '@nhip/contracts';
import { executeCommand, type Tx } from '@nhip/event-sourcing';
import { ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { knownUnitCodes, treeVersionInForce } from '../../registry-replica/replica-facts/index.ts';
import { campaignAggregate } from '../campaign.aggregate.ts';
import { campaignStream } from '../campaign.ts';

export type CampaignInput = Omit<CampaignDefinedData, 'treeVersion'>;

export async function defineCampaign(
  pool: pg.Pool,
  input: CampaignInput,
  ctx: RequestContext,
): Promise<CampaignDefinedData> {
  const result = await executeCommand(pool, campaignAggregate, async (tx: Tx) => {
    const treeVersion = await treeVersionInForce(tx, vietnamDay(ctx.now));
    if (!treeVersion) {
      throw new ProblemError({
        type: problemType('no-unit-tree'),
        title: 'No unit tree yet',
        status: 503,
        detail: 'This service has not yet received the unit tree from the registry; retry in a few seconds.',
        errors: [{ field: 'unitCodes', reason: 'unit tree not replicated yet' }],
      });
    }
    const found = await knownUnitCodes(tx, treeVersion, input.unitCodes);
    return {
      commandId: input.campaignId,
      streamId: campaignStream(input.campaignId),
      command: {
        type: 'DefineCampaign' as const,
        campaign: { ...input, treeVersion },
        unknownUnits: input.unitCodes.filter((c) => !found.has(c)),
      },
      metadata: { correlationId: ctx.correlationId, occurredAt: ctx.now.toISOString(), actor: ctx.actor },
    };
  });
  const defined = result.events[0];
  if (!defined) throw new Error('Defining a campaign decided nothing.');
  return defined.data;
}
