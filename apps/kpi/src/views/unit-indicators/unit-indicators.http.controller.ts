import { Controller, Get, Header, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { notFound } from '@nhip/service-http';
import { loadDrillDown } from '../../figures/drill-down.queries.ts';
import {
  formerUnitAsGrouping,
  formerUnitIndicators,
  groupingCodePattern,
  groupingIndicators,
} from '../../figures/named-grouping.ts';
import {
  drillDownView,
  onlyFigures,
  unitIndicators,
  type UnitFigures,
  type UnitIndicators,
} from '../../figures/unit-view.ts';
import type { TreeUnit } from '../../figures/tree.queries.ts';
import type { Period } from '../../periods/period.ts';
import type { FiguresAsked } from '../../figures/figures.queries.ts';
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
 * comparison lines to GET /catalog. A unit replaced in the period's tree (a 2024 district in 2026)
 * reads as the units that replaced it, `successorsIn` naming their tree (ADR 0050), as the
 * projection's summary and the explain already read it.
 */
@ApiTags('indicators')
@Controller('units')
export class UnitIndicatorsController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators')
  @ApiOkResponse({
    description: 'The unit’s indicators and its children’s, each child ranked among them.',
    schema: answerSchema('UnitIndicators'),
  })
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
      const former =
        found.replacedIn === undefined
          ? undefined
          : await formerUnitAsGrouping(this.pool, found.unit, period, found.replacedIn);
      if (former) return shaped(await formerUnitIndicators(this.pool, former, period, { catalog }));
      return unitIndicatorsJson(drillDownView(found, period, undefined, catalog), figuresOnly);
    }
    const unit = await requireUnit(this.pool, code, period);
    await requireInScope(this.scope, caller, unit);
    const read = await this.reader(unit, period);
    const view = shaped(await read({ knownAt, catalog }));
    // What it was as recorded then, next to what it is now: why yesterday's report differs.
    const now = shaped(await read({ catalog }));
    return { ...view, now: now.indicators };
  }

  /** The unit's own view, or, replaced in the period's tree, its successors' (as above). */
  private async reader(
    unit: TreeUnit,
    period: Period,
  ): Promise<(asked: FiguresAsked) => Promise<UnitIndicators>> {
    const former = await formerUnitAsGrouping(this.pool, unit, period);
    return former
      ? (asked) => formerUnitIndicators(this.pool, former, period, asked)
      : (asked) => unitIndicators(this.pool, unit, period, asked);
  }
}
