import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Roles, UnitScope } from '@nhip/auth';
import pg from 'pg';
import {
  currentLike,
  currentPeriod,
  parsePeriod,
  periodBefore,
  type PeriodKind,
} from '../../periods/period.ts';
import { Asking, type Asker } from '../asker.ts';
import { explainers, readers, requirePeriod, requireScopedUnit } from '../unit-lookup.ts';
import { KpiClient } from './kpi-client.ts';
import { ExplainQuery, SeriesQuery } from './kpi-passthrough.request.ts';

/**
 * Points of a default series: a month back by day, a year by month, two by quarter, five by year;
 * a year to date, its last twelve ends (of whatever it runs through).
 */
const defaultPoints: Record<PeriodKind, number> = { day: 30, month: 12, quarter: 8, year: 5, 'to-date': 12 };

/** The KPI service's series and explanations, after this service's own scope check. */
@ApiTags('indicators')
@Controller('api/units')
export class KpiPassthroughController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
    @Inject(KpiClient) private readonly kpi: KpiClient,
  ) {}

  @Get(':code/series')
  @ApiOkResponse({
    description: 'The KPI service’s series, one value per period.',
    schema: answerSchema('IndicatorSeries'),
  })
  @Roles(...readers)
  async series(
    @Param('code') code: string,
    @Query() query: SeriesQuery,
    @Asking() asker: Asker,
  ): Promise<unknown> {
    const like = query.grain ? currentPeriod(query.grain) : parsePeriod(query.to ?? query.from ?? '');
    const to = requirePeriod(query.to ?? currentLike(like ?? currentPeriod('month')).key, 'to');
    const from = query.from ?? periodBefore(to, defaultPoints[to.kind] - 1);
    await requireScopedUnit(this.pool, this.scope, asker.principal, [code, to, 'code']);
    const path = `/units/${code}/indicators/${encodeURIComponent(query.indicator)}/series`;
    const search = new URLSearchParams({ from, to: to.key });
    return this.kpi.answer(`${path}?${search.toString()}`, asker.authorization);
  }

  @Get(':code/indicators/:indicatorId/explain')
  @ApiOkResponse({
    description: 'The KPI service’s explanation of the number.',
    schema: answerSchema('Explanation'),
  })
  @Roles(...explainers)
  async explain(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: ExplainQuery,
    @Asking() asker: Asker,
  ): Promise<unknown> {
    const period = requirePeriod(query.period);
    await requireScopedUnit(this.pool, this.scope, asker.principal, [code, period, 'code']);
    const search = new URLSearchParams({ period: period.key });
    if (query.knownAt !== undefined) search.set('knownAt', query.knownAt);
    for (const name of ['after', 'until', 'limit', 'order'] as const)
      if (query[name] !== undefined) search.set(name, String(query[name]));
    const path = `/units/${code}/indicators/${encodeURIComponent(indicatorId)}/explain`;
    return this.kpi.answer(`${path}?${search.toString()}`, asker.authorization);
  }
}
