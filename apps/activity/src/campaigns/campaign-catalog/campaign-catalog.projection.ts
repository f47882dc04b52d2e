// The campaigns read model: what reports naming a campaign are checked against.
import type { CampaignDefinedData } from '@nhip/contracts';
import type { Tx } from '@nhip/event-sourcing';

export async function projectCampaigns(
  tx: Tx,
  events: readonly { readonly data: CampaignDefinedData }[],
): Promise<void> {
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
}
