import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { requireTreeInForce } from '../units/tree-in-force.ts';
import { addMember, changeTeam, registerTeam } from './team-commands.ts';
import { teamDetail, teamsInSubtree, type TeamDetail, type TeamSummary } from './team.queries.ts';
import {
  AddMemberDto,
  AssignLeaderDto,
  ReasonDto,
  RegisterTeamDto,
  RenameTeamDto,
  TeamSearchDto,
} from './team.request.dto.ts';
import { notFound, requestContext, requireUuid } from '@nhip/service-http';

type Headers_ = Record<string, string | undefined>;

/** Teams: register, change, look up. Every write answers with the team as it now stands. */
@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  async register(@Body() body: RegisterTeamDto, @Headers() headers: Headers_): Promise<TeamDetail> {
    const teamId = await registerTeam(this.pool, body, requestContext(headers));
    return this.detail(teamId);
  }

  @Get()
  async search(
    @Query() query: TeamSearchDto,
  ): Promise<{ total: number; page: number; pageSize: number; items: TeamSummary[] }> {
    const tree = await requireTreeInForce(this.pool, query.asOf ?? new Date());
    const found = await teamsInSubtree(this.pool, {
      treeVersion: tree.treeVersion,
      unitCode: query.unit,
      ...(query.type ? { teamType: query.type } : {}),
      ...(query.status ? { status: query.status } : {}),
      page: query.page,
      pageSize: query.pageSize,
    });
    return { ...found, page: query.page, pageSize: query.pageSize };
  }

  @Get(':teamId')
  async detail(@Param('teamId') teamId: string): Promise<TeamDetail> {
    const found = await teamDetail(this.pool, requireUuid(teamId, 'teamId'));
    if (!found) throw notFound('team', 'teamId', teamId);
    return found;
  }

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
    return this.detail(id);
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

  private async change(
    teamId: string,
    command: Parameters<typeof changeTeam>[2],
    headers: Headers_,
  ): Promise<TeamDetail> {
    const id = requireUuid(teamId, 'teamId');
    await changeTeam(this.pool, id, command, requestContext(headers));
    return this.detail(id);
  }
}
