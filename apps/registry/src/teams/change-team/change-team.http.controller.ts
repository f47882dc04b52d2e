import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { requireTeam, requireTeamInScope, type TeamDetail } from '../team-roster/index.ts';
import { addMember, changeTeam, type SimpleCommand } from './change-team.handler.ts';
import { AddMemberDto, AssignLeaderDto, ReasonDto, RenameTeamDto } from './change-team.request.ts';
import { requestContext, requireUuid } from '@nhip/service-http';

type Headers_ = Record<string, string | undefined>;

/** Changes to a team: name, leader, members, suspension, dissolution. Each answers with the team as it now stands. */
@ApiTags('teams')
@Controller('teams')
export class ChangeTeamController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post(':teamId/name')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  rename(
    @Param('teamId') teamId: string,
    @Body() body: RenameTeamDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'RenameTeam', name: body.name.normalize('NFC').trim() }, h, caller);
  }

  @Post(':teamId/leader')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  assignLeader(
    @Param('teamId') teamId: string,
    @Body() body: AssignLeaderDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'AssignLeader', memberId: body.memberId.toLowerCase() }, h, caller);
  }

  @Post(':teamId/members')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  async addMember(
    @Param('teamId') teamId: string,
    @Body() body: AddMemberDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    const id = (await requireTeamInScope(this.pool, this.scope, caller, teamId)).teamId;
    await addMember(
      this.pool,
      id,
      { memberId: body.memberId.toLowerCase(), role: body.role, affiliation: body.affiliation },
      requestContext(h, caller),
    );
    return requireTeam(this.pool, id);
  }

  @Post(':teamId/members/:memberId/removal')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  removeMember(
    @Param('teamId') teamId: string,
    @Param('memberId') memberId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(
      teamId,
      { type: 'RemoveMember', memberId: requireUuid(memberId, 'memberId'), reason: body.reason },
      h,
      caller,
    );
  }

  @Post(':teamId/suspension')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  suspend(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'SuspendTeam', reason: body.reason }, h, caller);
  }

  @Post(':teamId/reinstatement')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  reinstate(
    @Param('teamId') teamId: string,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'ReinstateTeam' }, h, caller);
  }

  @Post(':teamId/dissolution')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  dissolve(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'DissolveTeam', reason: body.reason }, h, caller);
  }

  private async change(
    teamId: string,
    command: SimpleCommand,
    headers: Headers_,
    caller: Principal,
  ): Promise<TeamDetail> {
    const id = (await requireTeamInScope(this.pool, this.scope, caller, teamId)).teamId;
    await changeTeam(this.pool, id, command, requestContext(headers, caller));
    return requireTeam(this.pool, id);
  }
}
