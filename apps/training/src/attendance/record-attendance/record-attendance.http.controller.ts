import { answerSchema } from '@nhip/contracts';
import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Context, Roles, UnitScope, type CallContext } from '@nhip/auth';
import { ProblemError, problemType, requireUuid } from '@nhip/service-http';
import type { FastifyReply } from 'fastify';
import pg from 'pg';
import { trainingStaff } from '../../sessions/session-catalog/index.ts';
import { membersInArea } from './attendance-scope.ts';
import { recordAttendances, type AttendanceContext } from './record-attendance.handler.ts';
import { AttendanceDto, AttendanceListDto } from './record-attendance.request.ts';
import type { AttendanceResult, Verdict } from './verdict.ts';

@ApiTags('attendance')
@Controller('sessions/:sessionId/attendance')
export class RecordAttendanceController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  #context(call: CallContext): AttendanceContext {
    return { ...call, within: membersInArea(this.pool, this.scope, call.caller), area: call.caller.unit };
  }

  /** One member: 201 when recorded now, 200 when it already was, 422 with the reason otherwise. */
  @Post()
  @Roles(...trainingStaff)
  @ApiResponse({ status: 201, description: 'Recorded now.', schema: answerSchema('AttendanceAccepted') })
  @ApiResponse({
    status: 200,
    description: 'Recorded before: the same verdict.',
    schema: answerSchema('AttendanceDuplicate'),
  })
  @ApiResponse({ status: 422, description: 'Not recorded: `errors` gives the reason.' })
  async one(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendanceDto,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Context() call: CallContext,
  ): Promise<Verdict> {
    const line = {
      line: 1,
      ok: true as const,
      memberId: body.memberId.toLowerCase(),
      bridgePoint: body.bridgePoint ?? null,
      completedOn: null,
    };
    const id = requireUuid(sessionId, 'sessionId');
    const [verdict] = (await recordAttendances(this.pool, id, [line], this.#context(call))).verdicts;
    if (verdict?.verdict === 'rejected') throw refused(verdict.errors);
    void reply.status(verdict?.verdict === 'accepted' ? 201 : 200);
    return verdict as Verdict;
  }

  /** A whole list from one bridge point: a verdict per member, in the order given (line = position). */
  @Post('lists')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'A summary and a verdict per member.',
    schema: answerSchema('AttendanceVerdicts'),
  })
  @Roles(...trainingStaff)
  list(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendanceListDto,
    @Context() call: CallContext,
  ): Promise<AttendanceResult> {
    const bridgePoint = body.bridgePoint ?? null;
    const lines = body.memberIds.map((memberId, i) => ({
      line: i + 1,
      ok: true as const,
      memberId: memberId.toLowerCase(),
      bridgePoint,
      completedOn: null,
    }));
    const id = requireUuid(sessionId, 'sessionId');
    return recordAttendances(this.pool, id, lines, this.#context(call));
  }
}

const refused = (errors: Extract<Verdict, { verdict: 'rejected' }>['errors']) =>
  new ProblemError({
    type: problemType('attendance-refused'),
    title: 'The attendance breaks a business rule',
    status: 422,
    detail: errors.map((e) => `${e.field}: ${e.reason}`).join(' '),
    errors,
  });
