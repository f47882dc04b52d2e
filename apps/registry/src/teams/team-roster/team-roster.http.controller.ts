import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { requireTreeInForce } from '../../unit-trees/units/index.ts';
import { requireTeam } from './require-team.ts';
import { teamsInSubtree, type TeamDetail, type TeamSummary } from './team-roster.queries.ts';
import { TeamSearchDto } from './team-roster.request.ts';

/** Teams as the operations centers look them up: in a subtree (paged, filtered), one in detail. */
@ApiTags('teams')
@Controller('teams')
export class TeamRosterController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

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
  detail(@Param('teamId') teamId: string): Promise<TeamDetail> {
    return requireTeam(this.pool, teamId);
  }
}
