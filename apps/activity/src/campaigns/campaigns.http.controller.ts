import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { CampaignDefinedData } from '@nhip/contracts';
import { notFound, requestContext, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { DefineCampaignDto } from './campaign.request.dto.ts';
import { defineCampaign } from './define-campaign.ts';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  define(
    @Body() body: DefineCampaignDto,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<CampaignDefinedData> {
    const input = {
      campaignId: body.campaignId.toLowerCase(),
      name: body.name.normalize('NFC').trim(),
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      unitCodes: body.unitCodes,
      target: body.target ? { kind: body.target.kind ?? null, residents: body.target.residents } : null,
    };
    return defineCampaign(this.pool, input, requestContext(headers));
  }

  @Get(':campaignId')
  async get(@Param('campaignId') campaignId: string) {
    const { rows } = await this.pool.query(
      `SELECT campaign_id AS "campaignId", name, to_char(starts_on, 'YYYY-MM-DD') AS "startsOn",
              to_char(ends_on, 'YYYY-MM-DD') AS "endsOn", tree_version AS "treeVersion", unit_codes AS "unitCodes", target
       FROM rm_campaigns WHERE campaign_id = $1`,
      [requireUuid(campaignId, 'campaignId')],
    );
    if (rows.length === 0) throw notFound('campaign', 'campaignId', campaignId);
    return rows[0] as unknown;
  }
}
