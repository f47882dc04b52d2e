import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { unitIndicators, type UnitIndicators } from '../../figures/unit-view.ts';
import { instantOf, requirePeriod, requireUnit } from '../lookup.ts';
import { PeriodQuery } from '../period.request.ts';

/** The drill-down: a unit's indicators for a period beside its children's, ranked among them. */
@ApiTags('indicators')
@Controller('units')
export class UnitIndicatorsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':code/indicators')
  async indicators(
    @Param('code') code: string,
    @Query() query: PeriodQuery,
  ): Promise<UnitIndicators & { readonly now?: UnitIndicators['indicators'] }> {
    const period = requirePeriod(query.period);
    const unit = await requireUnit(this.pool, code, period);
    const knownAt = instantOf(query.knownAt);
    const view = await unitIndicators(this.pool, unit, period, knownAt);
    if (knownAt === undefined) return view;
    // What it was as recorded then, next to what it is now: why yesterday's report differs.
    const now = await unitIndicators(this.pool, unit, period);
    return { ...view, now: now.indicators };
  }
}
