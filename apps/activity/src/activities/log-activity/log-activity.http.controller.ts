import { Body, Controller, Headers, Inject, Post, Res } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requireTeamsInScope } from '../team-scope.ts';
import { lateWindowOf, recordsForCommunes } from '../late-window.ts';
import { ApiBody, ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { invalidRequest, requestContext } from '@nhip/service-http';
import type { FastifyReply } from 'fastify';
import pg from 'pg';
import { ActivityConfig } from '../../config.ts';
import { ActivityReportSchema, reportFromJson } from '../activity-report.request.ts';
import type { ActivityLogged } from '../activity.ts';
import { logActivity } from './log-activity.handler.ts';
import { beforeRequestWrites } from '@nhip/postgres';

@ApiTags('activities')
@Controller('activities')
export class LogActivityController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(ActivityConfig) private readonly config: ActivityConfig,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** 201 for a new report; 200 with the original answer for a retry (same activityId). */
  @Post()
  @Roles('commune-officer', ...recordsForCommunes)
  @ApiBody({ schema: JSON.parse(JSON.stringify(ActivityReportSchema)) as object })
  @ApiResponse({
    status: 201,
    description: 'Recorded: the event, as partners read it.',
    schema: answerSchema('ActivityLogged'),
  })
  @ApiResponse({
    status: 200,
    description: 'A retry of a report recorded before: its original answer.',
    schema: answerSchema('ActivityLogged'),
  })
  @ApiResponse({ status: 409, description: 'Another report was recorded under this activityId.' })
  @ApiResponse({
    status: 422,
    description: 'The report breaks a rule (team, member, place, date): `errors` says which.',
  })
  async log(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Caller() caller: Principal,
  ): Promise<ActivityLogged> {
    const shape = reportFromJson(body);
    if (!shape.ok) throw invalidRequest(shape.problems);
    await beforeRequestWrites(requireTeamsInScope(this.pool, this.scope, caller, [shape.report.teamId]));
    const ctx = { ...requestContext(headers, caller), lateWindow: lateWindowOf(caller, this.config) };
    const result = await logActivity(this.pool, shape.report, ctx);
    void reply.status(result.replayed ? 200 : 201).header('idempotent-replayed', String(result.replayed));
    return result.activity;
  }
}
