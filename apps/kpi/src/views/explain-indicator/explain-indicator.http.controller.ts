import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import {
  explainers,
  instantOf,
  requireIndicator,
  requireInScope,
  requirePeriod,
  requireUnit,
} from '../lookup.ts';
import { explain } from './explain.ts';
import { ExplainQuery } from './explain-indicator.request.ts';

/** How one number was computed, down to the ids of the events it counts. */
@ApiTags('indicators')
@Controller('units')
export class ExplainIndicatorController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators/:indicatorId/explain')
  @Roles(...explainers)
  async explain(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: ExplainQuery,
    @Caller() caller: Principal,
  ): Promise<Awaited<ReturnType<typeof explain>>> {
    const indicator = requireIndicator(indicatorId);
    const period = requirePeriod(query.period);
    const unit = await requireUnit(this.pool, code, period);
    await requireInScope(this.scope, caller, unit);
    return explain(this.pool, {
      unit,
      indicator,
      period,
      knownAt: instantOf(query.knownAt),
      after: query.after ?? '0',
      limit: query.limit ?? 100,
    });
  }
}
