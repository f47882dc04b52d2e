import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { instantOf, requireIndicator, requirePeriod, requireUnit } from '../lookup.ts';
import { explain } from './explain.ts';
import { ExplainQuery } from './explain-indicator.request.ts';

/** How one number was computed, down to the ids of the events it counts. */
@ApiTags('indicators')
@Controller('units')
export class ExplainIndicatorController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':code/indicators/:indicatorId/explain')
  async explain(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: ExplainQuery,
  ): Promise<Awaited<ReturnType<typeof explain>>> {
    const indicator = requireIndicator(indicatorId);
    const period = requirePeriod(query.period);
    const unit = await requireUnit(this.pool, code, period);
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
