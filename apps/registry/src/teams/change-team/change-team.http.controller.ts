import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { requireTeam, type TeamDetail } from '../team-roster/index.ts';
import { addMember, changeTeam, type SimpleCommand } from './change-team.handler.ts';
import { AddMemberDto, AssignLeaderDto, ReasonDto, RenameTeamDto } from './change-team.request.ts';
import { requestContext, requireUuid } from '@nhip/service-http';

type Headers_ = Record<string, string | undefined>;

/** Changes to a team: name, leader, members, suspension, dissolution. Each answers with the team as it now stands. */
@ApiTags('teams')
@Controller('teams')
export class ChangeTeamController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post(':teamId/name')
  @HttpCode(200)
  rename(
    @Param('teamId') teamId: string,
    @Body() body: RenameTeamDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'RenameTeam', name: body.name.normalize('NFC').trim() }, h);
  }

  @Post(':teamId/leader')
  @HttpCode(200)
  assignLeader(
    @Param('teamId') teamId: string,
    @Body() body: AssignLeaderDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'AssignLeader', memberId: body.memberId.toLowerCase() }, h);
  }

  @Post(':teamId/members')
  @HttpCode(200)
  async addMember(
    @Param('teamId') teamId: string,
    @Body() body: AddMemberDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    const id = requireUuid(teamId, 'teamId');
    await addMember(
      this.pool,
      id,
      { memberId: body.memberId.toLowerCase(), role: body.role, affiliation: body.affiliation },
      requestContext(h),
    );
    return requireTeam(this.pool, id);
  }

  @Post(':teamId/members/:memberId/removal')
  @HttpCode(200)
  removeMember(
    @Param('teamId') teamId: string,
    @Param('memberId') memberId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    return this.change(
      teamId,
      { type: 'RemoveMember', memberId: requireUuid(memberId, 'memberId'), reason: body.reason },
      h,
    );
  }

  @Post(':teamId/suspension')
  @HttpCode(200)
  suspend(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'SuspendTeam', reason: body.reason }, h);
  }

  @Post(':teamId/reinstatement')
  @HttpCode(200)
  reinstate(@Param('teamId') teamId: string, @Headers() h: Headers_): Promise<TeamDetail> {
    return this.change(teamId, { type: 'ReinstateTeam' }, h);
  }

  @Post(':teamId/dissolution')
  @HttpCode(200)
  dissolve(
    @Param('teamId') teamId: string,
    @Body() body: ReasonDto,
    @Headers() h: Headers_,
  ): Promise<TeamDetail> {
    return this.change(teamId, { type: 'DissolveTeam', reason: body.reason }, h);
  }

  private async change(teamId: string, command: SimpleCommand, headers: Headers_): Promise<TeamDetail> {
    const id = requireUuid(teamId, 'teamId');
    await changeTeam(this.pool, id, command, requestContext(headers));
    return requireTeam(this.pool, id);
  }
}
