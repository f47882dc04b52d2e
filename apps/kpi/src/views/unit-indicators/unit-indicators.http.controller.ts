import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiParam, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { notFound } from '@nhip/service-http';
import { loadDrillDown } from '../../figures/drill-down.queries.ts';
import { groupingCodePattern, groupingIndicators } from '../../figures/named-grouping.ts';
import {
  drillDownView,
  onlyFigures,
  unitIndicators,
  type UnitFigures,
  type UnitIndicators,
} from '../../figures/unit-view.ts';
import { unitIndicatorsJson } from '../../figures/unit-view.json.ts';
import {
  codeParam,
  instantOf,
  readers,
  requireInScope,
  requirePeriod,
  requireUnit,
  requireGrouping,
  requireIndicators,
  requireUnitCode,
} from '../lookup.ts';
import { DrillDownQuery } from './drill-down.request.ts';

type Answer = UnitIndicators | UnitFigures;

/**
 * The drill-down: a unit's indicators for a period beside its children's, ranked among them. The
 * current view is written as pre-encoded JSON (ADR 0033); `knownAt` answers go the usual way. A
 * named grouping's code reads it like a unit: its members are the children. `indicators` keeps some
 * of them, and only their metrics are read. `fields=figures` leaves each indicator's names and
 * comparison lines to GET /catalog.
 */
@ApiTags('indicators')
@Controller('units')
export class UnitIndicatorsController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators')
  @ApiParam({ name: 'code', description: codeParam })
  @Roles(...readers)
  @Header('content-type', 'application/json; charset=utf-8')
  async indicators(
    @Param('code') code: string,
    @Query() query: DrillDownQuery,
    @Caller() caller: Principal,
  ): Promise<Buffer | Answer | (Answer & { readonly now: Answer['indicators'] })> {
    const period = requirePeriod(query.period);
    const knownAt = instantOf(query.knownAt);
    const catalog = requireIndicators(query.indicators);
    const figuresOnly = query.fields === 'figures';
    const shaped = (view: UnitIndicators): Answer => (figuresOnly ? onlyFigures(view) : view);
    if (groupingCodePattern.test(code)) {
      const grouping = await requireGrouping(this.pool, this.scope, caller, code);
      const view = shaped(await groupingIndicators(this.pool, grouping, period, { knownAt, catalog }));
      if (knownAt === undefined) return view;
      const now = shaped(await groupingIndicators(this.pool, grouping, period, { catalog }));
      return { ...view, now: now.indicators };
    }
    if (knownAt === undefined) {
      // The common screen: the unit, its children and their figures in one round trip.
      requireUnitCode(code);
      const found = await loadDrillDown(this.pool, code, period, catalog);
      if (!found) throw notFound('unit', 'code', code);
      await requireInScope(this.scope, caller, found.unit);
      return unitIndicatorsJson(drillDownView(found, period, undefined, catalog), figuresOnly);
    }
    const unit = await requireUnit(this.pool, code, period);
    await requireInScope(this.scope, caller, unit);
    const view = shaped(await unitIndicators(this.pool, unit, period, { knownAt, catalog }));
    // What it was as recorded then, next to what it is now: why yesterday's report differs.
    const now = shaped(await unitIndicators(this.pool, unit, period, { catalog }));
    return { ...view, now: now.indicators };
  }
}
