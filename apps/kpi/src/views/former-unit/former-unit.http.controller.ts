import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { notFound } from '@nhip/service-http';
import pg from 'pg';
import { loadFigures } from '../../figures/figures.queries.ts';
import { groupingKey, successorsOf, withGrouping } from '../../figures/grouping.ts';
import { evaluateUnits } from '../../figures/indicator-values.ts';
import { treeInForce, unitsIn } from '../../figures/tree.queries.ts';
import { viewOf, type IndicatorView } from '../../figures/unit-view.ts';
import { instantOf, readers, requireInScope, requirePeriod } from '../lookup.ts';
import { PeriodQuery } from '../period.request.ts';

interface FormerUnitIndicators {
  readonly former: { readonly treeVersion: string; readonly code: string };
  readonly treeVersion: string;
  readonly period: string;
  readonly indicators: readonly IndicatorView[];
  readonly members: readonly { code: string; name: string; indicators: readonly IndicatorView[] }[];
}

/**
 * A former unit (a district of the 2024 tree) as a grouping of the units that replaced it in the
 * tree in force for the period: its indicators summed over them, and theirs ranked among them.
 */
@ApiTags('indicators')
@Controller('former-units')
export class FormerUnitController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':treeVersion/:code/indicators')
  @ApiOkResponse({
    description: 'The former unit’s indicators summed over the units that replaced it, and theirs.',
    schema: answerSchema('FormerUnitIndicators'),
  })
  @Roles(...readers)
  async indicators(
    @Param('treeVersion') formerTree: string,
    @Param('code') code: string,
    @Query() query: PeriodQuery,
    @Caller() caller: Principal,
  ): Promise<FormerUnitIndicators> {
    const period = requirePeriod(query.period);
    const [former] = await unitsIn(this.pool, formerTree, [code]);
    if (former) await requireInScope(this.scope, caller, former);
    const tree = await treeInForce(this.pool, period.lastDay);
    const members = tree ? await successorsOf(this.pool, { treeVersion: formerTree, code }, tree) : [];
    if (!tree || members.length === 0)
      throw notFound('former unit with successors', 'code', `${formerTree}/${code}`);
    const codes = members.map((m) => m.code);
    const figures = withGrouping(
      await loadFigures(this.pool, codes, period, { knownAt: instantOf(query.knownAt) }),
      codes,
    );
    const values = evaluateUnits(figures, [groupingKey, ...codes], codes);
    return {
      former: { treeVersion: formerTree, code },
      treeVersion: tree,
      period: period.key,
      indicators: viewOf(values.get(groupingKey) ?? []),
      members: members.map((m) => ({
        code: m.code,
        name: m.name,
        indicators: viewOf(values.get(m.code) ?? []),
      })),
    };
  }
}
