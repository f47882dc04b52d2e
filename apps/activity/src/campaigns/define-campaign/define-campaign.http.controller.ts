import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { type CampaignDefinedData, answerSchema } from '@nhip/contracts';
import { requestContext } from '@nhip/service-http';
import pg from 'pg';
import { defineCampaign } from './define-campaign.handler.ts';
import { DefineCampaignDto } from './define-campaign.request.ts';

@ApiTags('campaigns')
@Controller('campaigns')
export class DefineCampaignController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({ status: 201, description: 'The campaign as defined.', schema: answerSchema('Campaign') })
  @Roles('ioc-operator', 'admin')
  async define(
    @Body() body: DefineCampaignDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<CampaignDefinedData> {
    await this.scope.requireUnits(caller, body.unitCodes, body.startsOn, 'unitCodes');
    const input = {
      campaignId: body.campaignId.toLowerCase(),
      name: body.name.normalize('NFC').trim(),
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      unitCodes: body.unitCodes,
      target: body.target ? { kind: body.target.kind ?? null, residents: body.target.residents } : null,
    };
    return defineCampaign(this.pool, input, requestContext(headers, caller));
  }
}
