import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { unitIndicators, type UnitIndicators } from '../../figures/unit-view.ts';
import { instantOf, readers, requireInScope, requirePeriod, requireUnit } from '../lookup.ts';
import { PeriodQuery } from '../period.request.ts';

/** The drill-down: a unit's indicators for a period beside its children's, ranked among them. */
@ApiTags('indicators')
@Controller('units')
export class UnitIndicatorsController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators')
  @Roles(...readers)
  async indicators(
    @Param('code') code: string,
    @Query() query: PeriodQuery,
    @Caller() caller: Principal,
  ): Promise<UnitIndicators & { readonly now?: UnitIndicators['indicators'] }> {
    const period = requirePeriod(query.period);
    const unit = await requireUnit(this.pool, code, period);
    await requireInScope(this.scope, caller, unit);
    const knownAt = instantOf(query.knownAt);
    const view = await unitIndicators(this.pool, unit, period, knownAt);
    if (knownAt === undefined) return view;
    // What it was as recorded then, next to what it is now: why yesterday's report differs.
    const now = await unitIndicators(this.pool, unit, period);
    return { ...view, now: now.indicators };
  }
}
