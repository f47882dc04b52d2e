import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { notFound, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { findCampaign } from './campaign-catalog.queries.ts';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignCatalogController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':campaignId')
  async get(@Param('campaignId') campaignId: string): Promise<unknown> {
    const found = await findCampaign(this.pool, requireUuid(campaignId, 'campaignId'));
    if (found === undefined) throw notFound('campaign', 'campaignId', campaignId);
    return found;
  }
}
