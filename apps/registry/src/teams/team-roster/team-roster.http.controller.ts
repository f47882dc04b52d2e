import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, unitOutsideScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { findUnit, requireTreeInForce } from '../../unit-trees/units/index.ts';
import { requireTeamInScope } from './team-in-scope.ts';
import { teamsInSubtree, type TeamDetail, type TeamSummary } from './team-roster.queries.ts';
import { TeamSearchDto } from './team-roster.request.ts';

const readers = ['ioc-operator', 'district-oc', 'commune-officer', 'admin'] as const;

/** Teams as the operations centers look them up: in a subtree (paged, filtered), one in detail. */
@ApiTags('teams')
@Controller('teams')
export class TeamRosterController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** A unit inside the caller's area lists its teams; a unit above it lists only the area's teams. */
  @Get()
  @ApiOkResponse({
    description: 'A page of the teams, with how many there are in all.',
    schema: answerSchema('TeamsPage'),
  })
  @Roles(...readers)
  async search(
    @Query() query: TeamSearchDto,
    @Caller() caller: Principal,
  ): Promise<{ total: number; page: number; pageSize: number; items: TeamSummary[] }> {
    const tree = await requireTreeInForce(this.pool, query.asOf ?? new Date());
    const within = await this.#within(caller, tree.treeVersion, query.unit);
    const found = await teamsInSubtree(this.pool, {
      treeVersion: tree.treeVersion,
      unitCode: query.unit,
      ...(query.type ? { teamType: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(within ? { within } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    return { ...found, page: query.page, pageSize: query.pageSize };
  }

  @Get(':teamId')
  @ApiOkResponse({ description: 'The team and its roster.', schema: answerSchema('TeamDetail') })
  @Roles(...readers)
  detail(@Param('teamId') teamId: string, @Caller() caller: Principal): Promise<TeamDetail> {
    return requireTeamInScope(this.pool, this.scope, caller, teamId);
  }

  async #within(caller: Principal, treeVersion: string, unit: string): Promise<string[] | undefined> {
    const found = await findUnit(this.pool, treeVersion, unit);
    // An unknown unit has no teams: the query answers an empty page.
    if (!found) return undefined;
    const relation = await this.scope.relationOf(caller, { treeVersion, path: found.path });
    if (relation === 'inside') return undefined;
    if (relation === 'above') return this.scope.areaIn(caller, treeVersion);
    throw unitOutsideScope(unit, caller.unit, 'unit', treeVersion);
  }
}
