import { Controller, Get, Inject, Param } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { notFound, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import { findCampaign } from './campaign-catalog.queries.ts';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignCatalogController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** Readable by whoever's area holds every unit it covers: its body names them all. */
  @Get(':campaignId')
  @ApiOkResponse({ description: 'The campaign as defined.', schema: answerSchema('Campaign') })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'admin')
  async get(@Param('campaignId') campaignId: string, @Caller() caller: Principal): Promise<unknown> {
    const found = await findCampaign(this.pool, requireUuid(campaignId, 'campaignId'));
    if (found === undefined) throw notFound('campaign', 'campaignId', campaignId);
    await this.scope.requireUnits(caller, found.unitCodes, found.startsOn, 'campaignId');
    return found;
  }
}
