import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { requireTeam, type TeamDetail } from '../team-roster/index.ts';
import { registerTeam } from './register-team.handler.ts';
import { RegisterTeamDto } from './register-team.request.ts';
import { requestContext } from '@nhip/service-http';
import { beforeRequestWrites } from '@nhip/postgres';

/** Registers a team; answers with the team as it now stands. */
@ApiTags('teams')
@Controller('teams')
export class RegisterTeamController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'The team registered, with its roster.',
    schema: answerSchema('TeamDetail'),
  })
  @Roles('commune-officer', 'admin')
  async register(
    @Body() body: RegisterTeamDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<TeamDetail> {
    await beforeRequestWrites(this.scope.require(caller, body.unitCode, vietnamDay(new Date()), 'unitCode'));
    const teamId = await registerTeam(this.pool, body, requestContext(headers, caller));
    return requireTeam(this.pool, teamId);
  }
}
