import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { invalidRequest } from '@nhip/service-http';
import pg from 'pg';
import { loadFiguresByPeriod, type Figures } from '../../figures/figures.queries.ts';
import {
  groupingCodePattern,
  groupingFiguresByPeriod,
  type NamedGrouping,
} from '../../figures/named-grouping.ts';
import { evaluateUnits, orNull } from '../../figures/indicator-values.ts';
import type { IndicatorDefinition } from '../../indicators/indicator.ts';
import { grainOf, parsePeriod, periodsBetween, type Period } from '../../periods/period.ts';
import {
  codeParam,
  instantOf,
  readers,
  requireIndicator,
  requireGrouping,
  requireInScope,
  requirePeriod,
  requireUnit,
} from '../lookup.ts';
import { SeriesQuery } from './indicator-series.request.ts';

const maxPoints = 400;

interface Point {
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

interface Series {
  readonly unitCode: string;
  readonly indicator: IndicatorDefinition;
  readonly knownAt: string | undefined;
  /** Set when the code is a named grouping's: its figures are its members' summed. */
  readonly grouping?: NamedGrouping;
}

/** Every point's figures in one round trip, only the indicator's own metrics. */
async function pointsOf(pool: pg.Pool, series: Series, periods: readonly Period[]): Promise<Point[]> {
  const asked = [series.indicator];
  const read = { knownAt: series.knownAt, catalog: asked };
  const byPeriod = series.grouping
    ? await groupingFiguresByPeriod(pool, series.grouping, periods, read)
    : await loadFiguresByPeriod(pool, [series.unitCode], periods, read);
  return periods.map((period) => {
    // Every period asked has its figures (loadFiguresByPeriod); none counted reads as 0.
    const figures = byPeriod.get(period.key) as Figures;
    const v = evaluateUnits(figures, [series.unitCode], [], asked).get(series.unitCode)?.[0];
    return {
      period: period.key,
      value: orNull(v?.value),
      numerator: orNull(v?.numerator),
      denominator: orNull(v?.denominator),
    };
  });
}

function bucketsOf(from: Period, to: Period): Period[] {
  if (grainOf(from) !== grainOf(to))
    throw invalidRequest([{ field: 'to', reason: `must be a ${grainOf(from)} like from` }]);
  // One more than a series may hold is enough to refuse it.
  const keys = periodsBetween(from, to, maxPoints + 1);
  if (keys.length === 0 || keys.length > maxPoints) {
    throw invalidRequest([
      { field: 'to', reason: `must be from "from" to at most ${maxPoints} periods later` },
    ]);
  }
  return keys.flatMap((key) => parsePeriod(key) ?? []);
}

/** One indicator of one unit over consecutive periods of a kind: a chart's line. */
@ApiTags('indicators')
@Controller('units')
export class IndicatorSeriesController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators/:indicatorId/series')
  @ApiOkResponse({
    description: 'One value per period from `from` to `to`.',
    schema: answerSchema('IndicatorSeries'),
  })
  @ApiParam({ name: 'code', description: codeParam })
  @Roles(...readers)
  async series(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: SeriesQuery,
    @Caller() caller: Principal,
  ): Promise<{ unitCode: string; indicatorId: string; version: number; points: Point[] }> {
    const indicator = requireIndicator(indicatorId);
    const to = requirePeriod(query.to, 'to');
    const buckets = bucketsOf(requirePeriod(query.from, 'from'), to);
    const knownAt = instantOf(query.knownAt);
    const series = groupingCodePattern.test(code)
      ? {
          unitCode: code,
          indicator,
          knownAt,
          grouping: await requireGrouping(this.pool, this.scope, caller, code),
        }
      : { unitCode: (await this.unitInScope(code, to, caller)).code, indicator, knownAt };
    const points = await pointsOf(this.pool, series, buckets);
    return { unitCode: series.unitCode, indicatorId: indicator.id, version: indicator.version, points };
  }

  private async unitInScope(code: string, to: Period, caller: Principal) {
    const unit = await requireUnit(this.pool, code, to);
    await requireInScope(this.scope, caller, unit);
    return unit;
  }
}
