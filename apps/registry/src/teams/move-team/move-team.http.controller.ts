import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Context, Roles, UnitScope, type CallContext } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { beforeRequestWrites } from '@nhip/postgres';
import pg from 'pg';
import { requireTeam, requireTeamInScope, type TeamDetail } from '../team-roster/index.ts';
import { moveTeam } from './move-team.handler.ts';
import { MoveTeamDto } from './move-team.request.ts';

/** A team moved to the unit it serves from now on; answers with the team as it now stands. */
@ApiTags('teams')
@Controller('teams')
export class MoveTeamController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post(':teamId/unit')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a team to the unit it serves from now on',
    description:
      'After a reform (the communes merged on 1 July 2025), a team registered on a unit of the earlier tree moves to the commune of the tree in force that replaced its own, or to a village of it; within one tree, a team moves between villages of its commune. Members, leader and history stay; activities from now on count where it serves now, and its earlier ones stay where they happened. 422 `not_a_successor` or `other_commune` names the communes it may move to.',
  })
  @ApiResponse({
    status: 200,
    description: 'The team as it is now, with its roster.',
    schema: answerSchema('TeamDetail'),
  })
  @Roles('commune-officer', 'admin')
  async move(
    @Param('teamId') teamId: string,
    @Body() body: MoveTeamDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    // The caller answers for both the team where it works now and the unit it is to serve.
    const team = await requireTeamInScope(this.pool, this.scope, ctx.caller, teamId);
    await beforeRequestWrites(this.scope.require(ctx.caller, body.unitCode, vietnamDay(ctx.now), 'unitCode'));
    await moveTeam(this.pool, team, body, ctx);
    return requireTeam(this.pool, team.teamId);
  }
}
