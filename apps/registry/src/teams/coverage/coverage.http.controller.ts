import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { AsOfDto, requireUnitInForce } from '../../unit-trees/units/index.ts';
import { coverageOf, type CoverageReport } from './coverage.queries.ts';

/** How well a unit is covered: villages with an active team, teams, members, per child unit. */
@ApiTags('units')
@Controller('units')
export class CoverageController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** Aggregates without personal data: partners read them too, within their unit. */
  @Get(':code/coverage')
  @ApiOkResponse({
    description: 'The unit’s coverage and each child’s.',
    schema: answerSchema('CoverageReport'),
  })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'partner', 'admin')
  async coverage(
    @Param('code') code: string,
    @Query() query: AsOfDto,
    @Caller() caller: Principal,
  ): Promise<CoverageReport> {
    await this.scope.require(caller, code, vietnamDay(query.asOf ?? new Date()), 'code');
    const detail = await requireUnitInForce(this.pool, code, query.asOf ?? new Date());
    return coverageOf(this.pool, detail, detail.unit, detail.children);
  }
}
