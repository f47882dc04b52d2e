import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { invalidRequest } from '@nhip/service-http';
import pg from 'pg';
import { loadFigures } from '../../figures/figures.queries.ts';
import { evaluateUnits } from '../../figures/indicator-values.ts';
import { parsePeriod, periodsBetween } from '../../periods/period.ts';
import { instantOf, requireIndicator, requirePeriod, requireUnit } from '../lookup.ts';
import { SeriesQuery } from './indicator-series.request.ts';

const maxPoints = 400;

interface Point {
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/** One indicator of one unit over consecutive periods of a kind: a chart's line. */
@ApiTags('indicators')
@Controller('units')
export class IndicatorSeriesController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get(':code/indicators/:indicatorId/series')
  async series(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: SeriesQuery,
  ): Promise<{ unitCode: string; indicatorId: string; version: number; points: Point[] }> {
    const indicator = requireIndicator(indicatorId);
    const [from, to] = [requirePeriod(query.from, 'from'), requirePeriod(query.to, 'to')];
    if (from.kind !== to.kind)
      throw invalidRequest([{ field: 'to', reason: `must be a ${from.kind} like from` }]);
    const keys = periodsBetween(from, to);
    if (keys.length === 0 || keys.length > maxPoints) {
      throw invalidRequest([
        { field: 'to', reason: `must be from "from" to at most ${maxPoints} periods later` },
      ]);
    }
    const unit = await requireUnit(this.pool, code, to);
    const points: Point[] = [];
    for (const key of keys) {
      const period = parsePeriod(key) ?? to;
      const figures = await loadFigures(this.pool, [unit.code], period, instantOf(query.knownAt));
      const v = evaluateUnits(figures, [unit.code], [], [indicator]).get(unit.code)?.[0];
      points.push({
        period: key,
        value: v?.value ?? null,
        numerator: v?.numerator ?? null,
        denominator: v?.denominator ?? null,
      });
    }
    return { unitCode: unit.code, indicatorId: indicator.id, version: indicator.version, points };
  }
}
