import { activitySource, CampaignDefinedV1, vietnamDay, type CampaignDefinedData } from '@nhip/contracts';
import { messageIdFor } from '@nhip/event-sourcing';
import { ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import { executeCommand, type Aggregate } from '@nhip/event-sourcing';
import type pg from 'pg';
import {
  campaignDecider,
  campaignStream,
  type CampaignEvent,
  type CampaignState,
  type DefineCampaign,
} from './campaign.ts';

const campaignSlice: Aggregate<DefineCampaign, CampaignEvent, CampaignState> = {
  decider: campaignDecider,
  toOutbox: (events, envelope) =>
    events.map((e, i) => ({
      messageId: messageIdFor(envelope.commandId, i),
      topic: CampaignDefinedV1.topic,
      key: e.data.campaignId,
      type: CampaignDefinedV1.type,
      source: activitySource,
      subject: e.data.campaignId,
      occurredAt: envelope.metadata.occurredAt,
      data: e.data,
    })),
  project: async (tx, events) => {
    for (const { data: c } of events) {
      await tx.query(
        `INSERT INTO rm_campaigns (campaign_id, name, starts_on, ends_on, tree_version, unit_codes, target)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [
          c.campaignId,
          c.name,
          c.startsOn,
          c.endsOn,
          c.treeVersion,
          c.unitCodes,
          c.target === null ? null : JSON.stringify(c.target),
        ],
      );
    }
  },
};

export type CampaignInput = Omit<CampaignDefinedData, 'treeVersion'>;

export async function defineCampaign(
  pool: pg.Pool,
  input: CampaignInput,
  ctx: RequestContext,
): Promise<CampaignDefinedData> {
  const result = await executeCommand(pool, campaignSlice, async (tx) => {
    const tree = await tx.query<{ tree_version: string }>(
      `SELECT tree_version FROM replica_unit_trees WHERE effective_from <= $1::date ORDER BY effective_from DESC LIMIT 1`,
      [vietnamDay(ctx.now)],
    );
    const treeVersion = tree.rows[0]?.tree_version;
    if (!treeVersion) {
      throw new ProblemError({
        type: problemType('no-unit-tree'),
        title: 'No unit tree yet',
        status: 503,
        detail: 'This service has not yet received the unit tree from the registry; retry in a few seconds.',
        errors: [{ field: 'unitCodes', reason: 'unit tree not replicated yet' }],
      });
    }
    const known = await tx.query<{ code: string }>(
      'SELECT code FROM replica_units WHERE tree_version = $1 AND code = ANY($2)',
      [treeVersion, input.unitCodes],
    );
    const found = new Set(known.rows.map((r) => r.code));
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
