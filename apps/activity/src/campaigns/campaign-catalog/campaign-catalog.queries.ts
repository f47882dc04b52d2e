import type pg from 'pg';
import type { CampaignFacts } from '../../activities/check-report.decide.ts';

export async function loadCampaigns(
  db: Pick<pg.Pool, 'query'>,
  ids: readonly string[],
): Promise<ReadonlyMap<string, CampaignFacts>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<CampaignFacts & { campaignId: string }>(
    `SELECT campaign_id AS "campaignId", to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", unit_codes AS "unitCodes"
     FROM rm_campaigns WHERE campaign_id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map(({ campaignId, ...facts }) => [campaignId, facts]));
}

/** A campaign as clients defined it, for `GET /campaigns/{id}`. */
export async function findCampaign(
  db: Pick<pg.Pool, 'query'>,
  campaignId: string,
): Promise<{ readonly unitCodes: string[]; readonly startsOn: string } | undefined> {
  const { rows } = await db.query<{ unitCodes: string[]; startsOn: string }>(
    `SELECT campaign_id AS "campaignId", name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
            to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", tree_version AS "treeVersion", unit_codes AS "unitCodes", target
     FROM rm_campaigns WHERE campaign_id = $1`,
    [campaignId],
  );
  return rows[0];
}
