import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Context, Roles, UnitScope, type CallContext } from '@nhip/auth';
import pg from 'pg';
import { requireTeam, requireTeamIdInScope, type TeamDetail } from '../team-roster/index.ts';
import { addMember, changeTeam, type SimpleCommand } from './change-team.handler.ts';
import { AddMemberDto, AssignLeaderDto, ReasonDto, RenameTeamDto } from './change-team.request.ts';
import { requireUuid } from '@nhip/service-http';

/** Changes to a team: name, leader, members, suspension, dissolution. Each answers with the team as it now stands. */
/** What every change answers: the team after it. */
const teamNow = {
  status: 200,
  description: 'The team as it is now, with its roster.',
  schema: answerSchema('TeamDetail'),
};

@ApiTags('teams')
@Controller('teams')
export class ChangeTeamController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post(':teamId/name')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  rename(
    @Param('teamId') teamId: string,
    @Body() body: RenameTeamDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'RenameTeam', name: body.name.normalize('NFC').trim() }, ctx);
  }

  @Post(':teamId/leader')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  assignLeader(
    @Param('teamId') teamId: string,
    @Body() body: AssignLeaderDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'AssignLeader', memberId: body.memberId.toLowerCase() }, ctx);
  }

  @Post(':teamId/members')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  async addMember(
    @Param('teamId') teamId: string,
    @Body() body: AddMemberDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    const id = await requireTeamIdInScope(this.pool, this.scope, ctx.caller, teamId);
    await addMember(
      this.pool,
      id,
      { memberId: body.memberId.toLowerCase(), role: body.role, affiliation: body.affiliation },
      ctx,
    );
    return requireTeam(this.pool, id);
  }

  @Post(':teamId/members/:memberId/removal')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  removeMember(
    @Param('teamId') teamId: string,
    @Param('memberId') memberId: string,
    @Body() body: ReasonDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    return this.change(
      teamId,
      { type: 'RemoveMember', memberId: requireUuid(memberId, 'memberId'), reason: body.reason },
      ctx,
    );
  }

  @Post(':teamId/suspension')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  suspend(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'SuspendTeam', reason: body.reason }, ctx);
  }

  @Post(':teamId/reinstatement')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  reinstate(@Param('teamId') teamId: string, @Context() ctx: CallContext): Promise<TeamDetail> {
    return this.change(teamId, { type: 'ReinstateTeam' }, ctx);
  }

  @Post(':teamId/dissolution')
  @HttpCode(200)
  @ApiResponse(teamNow)
  @Roles('commune-officer', 'admin')
  dissolve(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Context() ctx: CallContext,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'DissolveTeam', reason: body.reason }, ctx);
  }

  private async change(teamId: string, command: SimpleCommand, ctx: CallContext): Promise<TeamDetail> {
    const id = await requireTeamIdInScope(this.pool, this.scope, ctx.caller, teamId);
    await changeTeam(this.pool, id, command, ctx);
    return requireTeam(this.pool, id);
  }
}
