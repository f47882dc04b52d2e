import { Body, Controller, Get, Headers, HttpCode, Inject, Logger, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { decodeUtf8 } from '@nhip/csv';
import { PostgresEventStore } from '@nhip/event-sourcing';
import {
  invalidRequest,
  notFound,
  ProblemError,
  problemType,
  requestContext,
  requireUuid,
} from '@nhip/service-http';
import type { FastifyReply } from 'fastify';
import pg from 'pg';
import { parseCsv } from '../bulk/csv.ts';
import { ingestBulk, type BulkResult } from '../bulk/bulk-ingest.ts';
import type { BulkLine } from '../bulk/bulk-line.ts';
import { parseNdjson } from '../bulk/ndjson.ts';
import { ActivityConfig } from '../config.ts';
import { ActivityReportSchema, reportFromJson } from './activity-report.schema.ts';
import { CorrectionDto, VoidDto } from './activity.request.dto.ts';
import { activityStream, type ActivityLogged } from './activity.ts';
import { changeActivity } from './change-activity.ts';
import { logActivity } from './log-activity.ts';

type Headers_ = Record<string, string | undefined>;

const bulkLog = new Logger('bulk');

@ApiTags('activities')
@Controller('activities')
export class ActivitiesController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(ActivityConfig) private readonly config: ActivityConfig,
  ) {}

  /** 201 for a new report; 200 with the original answer for a retry (same activityId). */
  @Post()
  @ApiBody({ schema: JSON.parse(JSON.stringify(ActivityReportSchema)) as object })
  async log(
    @Body() body: unknown,
    @Headers() headers: Headers_,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ActivityLogged> {
    const shape = reportFromJson(body);
    if (!shape.ok) throw invalidRequest(shape.problems);
    const ctx = { ...requestContext(headers), lateWindowDays: this.config.lateWindowDays };
    const result = await logActivity(this.pool, shape.report, ctx);
    void reply.status(result.replayed ? 200 : 201).header('idempotent-replayed', String(result.replayed));
    return result.activity;
  }

  /** NDJSON (one report per line) or CSV (the commune's spreadsheet); a verdict for every line. */
  @Post('bulk')
  @HttpCode(200)
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async bulk(@Body() body: unknown, @Headers() headers: Headers_): Promise<BulkResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const lines = parseBulk(body, headers['content-type'] ?? '');
    bulkLog.debug({ lines: lines.length, ms: ms() }, 'bulk parsed');
    const ctx = { ...requestContext(headers), lateWindowDays: this.config.lateWindowDays };
    // The request's correlation id and actor come with every line (ADR 0014).
    return ingestBulk(this.pool, lines, ctx, (done, total) => {
      if (done === total || done % 20_000 === 0) bulkLog.log({ done, total, ms: ms() }, 'bulk progress');
    });
  }

  @Get(':activityId')
  async history(@Param('activityId') activityId: string) {
    const stream = await new PostgresEventStore(this.pool).readStream(
      activityStream(requireUuid(activityId, 'activityId')),
    );
    if (stream.version === 0) throw notFound('activity', 'activityId', activityId);
    return stream.events.map((e) => ({
      type: e.type,
      data: e.data,
      recordedAt: e.recordedAt,
      actor: e.metadata.actor,
    }));
  }

  @Post(':activityId/corrections')
  @HttpCode(200)
  async correct(
    @Param('activityId') activityId: string,
    @Body() body: CorrectionDto,
    @Headers() headers: Headers_,
  ) {
    const ctx = requestContext(headers);
    const command = {
      type: 'CorrectActivity' as const,
      kind: body.kind,
      residentsHelped: body.residentsHelped,
      by: ctx.actor,
      reason: body.reason,
      at: ctx.now.toISOString(),
    };
    return changeActivity(this.pool, requireUuid(activityId, 'activityId'), command, ctx);
  }

  @Post(':activityId/void')
  @HttpCode(200)
  async void(@Param('activityId') activityId: string, @Body() body: VoidDto, @Headers() headers: Headers_) {
    const ctx = requestContext(headers);
    const command = {
      type: 'VoidActivity' as const,
      by: ctx.actor,
      reason: body.reason,
      at: ctx.now.toISOString(),
    };
    return changeActivity(this.pool, requireUuid(activityId, 'activityId'), command, ctx);
  }
}

function parseBulk(body: unknown, contentType: string): BulkLine[] {
  if (!(body instanceof Uint8Array)) {
    throw new ProblemError({
      type: problemType('unsupported-media-type'),
      title: 'Send the file itself',
      status: 415,
      detail:
        'The body must be the file: Content-Type application/x-ndjson (one JSON report per line) or text/csv.',
      errors: [{ field: 'content-type', reason: 'expected application/x-ndjson or text/csv' }],
    });
  }
  const text = decodeUtf8(body);
  if (text === undefined) {
    throw invalidRequest([{ field: 'file', reason: 'not valid UTF-8: save the file as "CSV UTF-8"' }], 422);
  }
  if (!contentType.startsWith('text/csv')) return parseNdjson(text);
  const parsed = parseCsv(text);
  if ('problem' in parsed) throw invalidRequest([{ field: 'header', reason: parsed.problem }], 422);
  return parsed;
}
