import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { inTransaction } from '@nhip/event-sourcing';
import pg from 'pg';
import { formerUnitAsGrouping, groupingCodePattern } from '../../figures/named-grouping.ts';
import type { Period } from '../../periods/period.ts';
import {
  codeParam,
  explainers,
  instantOf,
  requireGrouping,
  requireIndicator,
  requireInScope,
  requirePeriod,
  requireUnit,
} from '../lookup.ts';
import { explain, groupingSubject, unitSubject, type ExplainSubject } from './explain.ts';
import { ExplainQuery } from './explain-indicator.request.ts';

/**
 * How one number was computed, down to the ids of the events it counts. A named grouping's code is
 * explained like a unit's, its members' contributions as the children, with the same scope rule
 * as its indicators: every member inside the caller's area.
 */
@ApiTags('indicators')
@Controller('units')
export class ExplainIndicatorController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/indicators/:indicatorId/explain')
  @ApiOkResponse({
    description: 'How the number is computed, and a page of its source events.',
    schema: answerSchema('Explanation'),
  })
  @ApiParam({ name: 'code', description: codeParam })
  @Roles(...explainers)
  async explain(
    @Param('code') code: string,
    @Param('indicatorId') indicatorId: string,
    @Query() query: ExplainQuery,
    @Caller() caller: Principal,
  ): Promise<Awaited<ReturnType<typeof explain>>> {
    const indicator = requireIndicator(indicatorId);
    const period = requirePeriod(query.period);
    // Who and what is explained is settled on the pool first (the scope check takes a connection
    // of its own); then the figure and the page of its source events come from one snapshot.
    const subject = await this.subjectOf(code, period, caller);
    return inTransaction(
      this.pool,
      (db) =>
        explain(db, {
          subject,
          indicator,
          period,
          knownAt: instantOf(query.knownAt),
          order: query.order ?? 'oldest',
          after: query.after,
          until: query.until,
          limit: query.limit ?? 100,
        }),
      { snapshot: true },
    );
  }

  private async subjectOf(code: string, period: Period, caller: Principal): Promise<ExplainSubject> {
    if (groupingCodePattern.test(code))
      return groupingSubject(await requireGrouping(this.pool, this.scope, caller, code));
    const unit = await requireUnit(this.pool, code, period);
    await requireInScope(this.scope, caller, unit);
    // A former district in a later period: explained over the units that replaced it, as the
    // dashboard shows it, but named as itself in its own tree.
    const former = await formerUnitAsGrouping(this.pool, unit, period);
    if (!former) return unitSubject(this.pool, unit);
    return {
      ...groupingSubject(former),
      unit: { code, name: unit.name, treeVersion: unit.treeVersion },
    };
  }
}
