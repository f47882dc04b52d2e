import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requireActivityInScope } from '../team-scope.ts';
import { recordsForCommunes } from '../late-window.ts';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { requestContext, requireUuid } from '@nhip/service-http';
import pg from 'pg';
import type { ActivityEvent } from '../activity.ts';
import { changeActivity } from './change-activity.handler.ts';
import { CorrectionDto, VoidDto } from './change-activity.request.ts';
import { beforeRequestWrites } from '@nhip/postgres';

type Headers_ = Record<string, string | undefined>;

/** Corrections and voids answer with the events they caused (none for a correction that changes nothing). */
const eventsCaused = {
  status: 200,
  description: 'The events it caused; none for a correction that changes nothing.',
  schema: answerSchema('ActivityEvents'),
};

@ApiTags('activities')
@Controller('activities')
export class ChangeActivityController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post(':activityId/corrections')
  @HttpCode(200)
  @ApiResponse(eventsCaused)
  @Roles('commune-officer', ...recordsForCommunes)
  async correct(
    @Param('activityId') activityId: string,
    @Body() body: CorrectionDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<readonly ActivityEvent[]> {
    const id = requireUuid(activityId, 'activityId');
    await beforeRequestWrites(requireActivityInScope(this.pool, this.scope, caller, id));
    const ctx = requestContext(headers, caller);
    const command = {
      type: 'CorrectActivity' as const,
      kind: body.kind,
      residentsHelped: body.residentsHelped,
      by: ctx.actor,
      reason: body.reason,
      at: ctx.now.toISOString(),
    };
    return changeActivity(this.pool, id, command, ctx);
  }

  @Post(':activityId/void')
  @HttpCode(200)
  @ApiResponse(eventsCaused)
  @Roles('commune-officer', ...recordsForCommunes)
  async void(
    @Param('activityId') activityId: string,
    @Body() body: VoidDto,
    @Headers() headers: Headers_,
    @Caller() caller: Principal,
  ): Promise<readonly ActivityEvent[]> {
    const id = requireUuid(activityId, 'activityId');
    await beforeRequestWrites(requireActivityInScope(this.pool, this.scope, caller, id));
    const ctx = requestContext(headers, caller);
    const command = {
      type: 'VoidActivity' as const,
      by: ctx.actor,
      reason: body.reason,
      at: ctx.now.toISOString(),
    };
    return changeActivity(this.pool, id, command, ctx);
  }
}
