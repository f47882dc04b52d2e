import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { type SessionPlannedData, answerSchema, vietnamDay } from '@nhip/contracts';
import { trainingStaff } from '../session-catalog/index.ts';
import { requestContext } from '@nhip/service-http';
import pg from 'pg';
import { planSession } from './plan-session.handler.ts';
import { PlanSessionDto } from './plan-session.request.ts';
import { beforeRequestWrites } from '@nhip/postgres';

@ApiTags('sessions')
@Controller('sessions')
export class PlanSessionController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** In person (a place) or online with its bridge points, each with the unit hosting it. */
  @Post()
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'Planned: the event, as partners read it.',
    schema: answerSchema('SessionPlanned'),
  })
  @Roles(...trainingStaff)
  async plan(
    @Body() body: PlanSessionDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<SessionPlannedData> {
    // The organiser, every bridge point and the unit hosting it in the caller's area, in the tree of
    // the session's day: a session is shown where its bridge points and their hosts are.
    const day = vietnamDay(body.startsAt);
    await beforeRequestWrites(this.scope.require(caller, body.unitCode, day, 'unitCode'));
    const points = (body.bridgePoints ?? []).flatMap((p) => [p.unitCode, p.hostUnitCode ?? p.unitCode]);
    await beforeRequestWrites(this.scope.requireUnits(caller, points, day, 'bridgePoints'));
    const input = {
      sessionId: body.sessionId?.toLowerCase(),
      courseId: body.courseId.toLowerCase(),
      unitCode: body.unitCode,
      mode: body.mode,
      place: body.place?.normalize('NFC').trim() ?? null,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      bridgePoints: (body.bridgePoints ?? []).map((p) => ({
        unitCode: p.unitCode,
        hostUnitCode: p.hostUnitCode ?? p.unitCode,
      })),
    };
    return planSession(this.pool, input, requestContext(headers, caller));
  }
}
