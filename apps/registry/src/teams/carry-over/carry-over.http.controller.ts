import { Body, Controller, Get, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, Context, Roles, UnitScope, type CallContext, type Principal } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { DomainRuleViolation } from '@nhip/decider';
import { beforeRequestWrites } from '@nhip/postgres';
import { notFound } from '@nhip/service-http';
import pg from 'pg';
import { findUnit, requireTreeInForce, type TreeInForce } from '../../unit-trees/units/index.ts';
import { carryOverProgress, type CarryOverProgress } from './carry-over-progress.ts';
import { carryOverAnswer, type CarryOverAnswer } from './carry-over.answer.ts';
import { carryOver } from './carry-over.handler.ts';
import type { VillageLink } from './carry-over.links.ts';
import type { CarryOverPlan } from './carry-over.plan.ts';
import { planWithin } from './plan-within.ts';
import { carryOverFacts, type CarryOverFacts } from './carry-over.queries.ts';
import { CarryOverDto } from './carry-over.request.ts';

type Db = Pick<pg.Pool, 'query'>;

const description =
  'After a reform (the communes merged on 1 July 2025), a commune of the tree in force takes over what the communes it replaced had: each village is registered again under it by name (or found there already), and each team not dissolved moves to its village’s counterpart, or to the commune. A former commune divided among several, and two villages of one name, are left for a person, saying why; the person says on POST which village of the commune each became (`villages`). A village taken over already shows as `carried`. GET shows the plan; POST carries it out in one transaction.';

/** A commune formed by a reform takes over the villages and teams of the communes it replaced. */
@ApiTags('units')
@Controller('units')
export class CarryOverController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Get(':code/carry-over')
  @ApiOperation({ summary: 'What a commune would take over from the communes it replaced', description })
  @ApiOkResponse({ description: 'The plan: nothing is written.', schema: answerSchema('CarryOver') })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'admin')
  async plan(@Param('code') code: string, @Caller() caller: Principal): Promise<CarryOverAnswer> {
    const { plan } = await this.planFor(code, caller, new Date());
    return carryOverAnswer(plan, false);
  }

  @Get(':code/carry-overs')
  @ApiOperation({
    summary: 'Where the carry-overs stand in every commune under a unit',
    description:
      'For a province, a district or a commune of the tree in force: each commune formed from earlier ones, with what its carry-over would still do and what waits for a person (the summary of its plan), those with the most still to do first, and the total. Nothing is written.',
  })
  @ApiOkResponse({ description: 'Each commune’s summary.', schema: answerSchema('CarryOvers') })
  @Roles('ioc-operator', 'district-oc', 'commune-officer', 'admin')
  async progress(@Param('code') code: string, @Caller() caller: Principal): Promise<CarryOverProgress> {
    const now = new Date();
    await this.scope.require(caller, code, vietnamDay(now), 'code');
    const tree = await requireTreeInForce(this.pool, now, 'code');
    const unit = await findUnit(this.pool, tree.treeVersion, code);
    if (!unit) throw notFound(`unit in tree ${tree.treeVersion}`, 'code', code);
    return carryOverProgress(this.pool, { scope: this.scope, caller }, tree, unit);
  }

  @Post(':code/carry-over')
  @HttpCode(200)
  @ApiOperation({ summary: 'Take over the villages and teams of the communes it replaced', description })
  @ApiOkResponse({ description: 'What was done, and what was left.', schema: answerSchema('CarryOver') })
  @Roles('commune-officer', 'admin')
  async apply(
    @Param('code') code: string,
    @Body() body: CarryOverDto,
    @Context() ctx: CallContext,
  ): Promise<CarryOverAnswer> {
    const links = body.villages ?? [];
    const { tree } = await beforeRequestWrites(this.communeFor(code, ctx.caller, ctx.now));
    const planIn = async (db: Db) => {
      const { plan, facts } = await this.planIn(db, tree, code, { caller: ctx.caller, links });
      return { plan, commune: facts.commune };
    };
    const done = await carryOver(
      this.pool,
      { treeVersion: tree.treeVersion, code, planIn },
      body.reason,
      ctx,
    );
    return carryOverAnswer(done, true);
  }

  private async planFor(code: string, caller: Principal, now: Date) {
    const { tree } = await this.communeFor(code, caller, now);
    return this.planIn(this.pool, tree, code, { caller, links: [] });
  }

  /** The caller's commune of the tree in force, refused before anything is planned. */
  private async communeFor(code: string, caller: Principal, now: Date): Promise<{ tree: TreeInForce }> {
    await this.scope.require(caller, code, vietnamDay(now), 'code');
    const tree = await requireTreeInForce(this.pool, now, 'code');
    const commune = await findUnit(this.pool, tree.treeVersion, code);
    if (!commune) throw notFound(`unit in tree ${tree.treeVersion}`, 'code', code);
    if (commune.officialChildren > 0 || commune.origin === 'local')
      throw new DomainRuleViolation(
        'wrong_level',
        `${commune.name} (${commune.code}) is not a commune: a carry-over takes in the villages and teams of the communes a commune replaced. Ask it of each commune under it (GET /units/${commune.code}).`,
        'code',
      );
    return { tree };
  }

  private async planIn(
    db: Db,
    tree: TreeInForce,
    code: string,
    { caller, links }: { readonly caller: Principal; readonly links: readonly VillageLink[] },
  ): Promise<{ plan: CarryOverPlan; facts: CarryOverFacts }> {
    const facts = await carryOverFacts(db, tree, code);
    if (!facts) throw notFound(`unit in tree ${tree.treeVersion}`, 'code', code);
    return { plan: await planWithin(this.scope, caller, facts, links), facts };
  }
}
