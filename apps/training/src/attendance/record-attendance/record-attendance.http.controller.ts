import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ProblemError, problemType, requestContext, requireUuid } from '@nhip/service-http';
import type { FastifyReply } from 'fastify';
import pg from 'pg';
import { recordAttendances } from './record-attendance.handler.ts';
import { AttendanceDto, AttendanceListDto } from './record-attendance.request.ts';
import type { AttendanceResult, Verdict } from './verdict.ts';

type Headers_ = Record<string, string | undefined>;

@ApiTags('attendance')
@Controller('sessions/:sessionId/attendance')
export class RecordAttendanceController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  /** One member: 201 when recorded now, 200 when it already was, 422 with the reason otherwise. */
  @Post()
  async one(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendanceDto,
    @Headers() headers: Headers_,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Verdict> {
    const line = {
      line: 1,
      ok: true as const,
      memberId: body.memberId.toLowerCase(),
      bridgePoint: body.bridgePoint ?? null,
      completedOn: null,
    };
    const id = requireUuid(sessionId, 'sessionId');
    const [verdict] = (await recordAttendances(this.pool, id, [line], requestContext(headers))).verdicts;
    if (verdict?.verdict === 'rejected') throw refused(verdict.errors);
    void reply.status(verdict?.verdict === 'accepted' ? 201 : 200);
    return verdict as Verdict;
  }

  /** A whole list from one bridge point: a verdict per member, in the order given (line = position). */
  @Post('lists')
  @HttpCode(200)
  list(
    @Param('sessionId') sessionId: string,
    @Body() body: AttendanceListDto,
    @Headers() headers: Headers_,
  ): Promise<AttendanceResult> {
    const bridgePoint = body.bridgePoint ?? null;
    const lines = body.memberIds.map((memberId, i) => ({
      line: i + 1,
      ok: true as const,
      memberId: memberId.toLowerCase(),
      bridgePoint,
      completedOn: null,
    }));
    return recordAttendances(this.pool, requireUuid(sessionId, 'sessionId'), lines, requestContext(headers));
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
