import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { AsOfDto, requireUnitInForce } from '../../unit-trees/units/index.ts';
import { coverageOf, type CoverageReport } from './coverage.queries.ts';

/** How well a unit is covered: villages with an active team, teams, members, per child unit. */
@ApiTags('units')
@Controller('units')
export class CoverageController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':code/coverage')
  async coverage(@Param('code') code: string, @Query() query: AsOfDto): Promise<CoverageReport> {
    const detail = await requireUnitInForce(this.pool, code, query.asOf ?? new Date());
    return coverageOf(this.pool, detail, detail.unit, detail.children);
  }
}
