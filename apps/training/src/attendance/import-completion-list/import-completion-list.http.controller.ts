import { answerSchema } from '@nhip/contracts';
import { Body, Controller, Headers, HttpCode, Inject, Logger, Param, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { decodeUtf8 } from '@nhip/csv';
import { invalidRequest, requestContext, requireUuid, unsupportedMediaType } from '@nhip/service-http';
import pg from 'pg';
import { TrainingConfig } from '../../config.ts';
import { trainingStaff } from '../../sessions/session-catalog/index.ts';
import { membersInArea, type AttendanceResult } from '../record-attendance/index.ts';
import { parseCompletionList, type CompletionLine } from './completion-list.csv.ts';
import { importCompletionList } from './import-completion-list.handler.ts';

const importLog = new Logger('completion-list');

@ApiTags('attendance')
@Controller('sessions/:sessionId/attendance')
export class ImportCompletionListController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(TrainingConfig) private readonly config: TrainingConfig,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** A course platform's completion list (CSV): a verdict for every line, and a summary. */
  @Post('imports')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({
    description: 'A summary and a verdict per line.',
    schema: answerSchema('AttendanceVerdicts'),
  })
  @Roles(...trainingStaff)
  async import(
    @Param('sessionId') sessionId: string,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<AttendanceResult> {
    const started = performance.now();
    const id = requireUuid(sessionId, 'sessionId');
    const lines = parseSheet(body);
    const ctx = {
      ...requestContext(headers, caller),
      within: membersInArea(this.pool, this.scope, caller),
      area: caller.unit,
      registryUrl: this.config.registryUrl,
      authorization: headers['authorization'],
    };
    const result = await importCompletionList(this.pool, id, lines, ctx);
    // Counts only: the list's phone numbers are personal data and stay out of the logs.
    importLog.log(
      { sessionId: id, ...result.summary, ms: Math.round(performance.now() - started) },
      'completion list imported',
    );
    return result;
  }
}

function parseSheet(body: unknown): CompletionLine[] {
  if (!(body instanceof Uint8Array)) {
    throw unsupportedMediaType(
      'Send the file itself',
      'The body must be the completion list as saved: Content-Type text/csv.',
      'expected text/csv',
    );
  }
  const text = decodeUtf8(body);
  if (text === undefined)
    throw invalidRequest([{ field: 'file', reason: 'not valid UTF-8: save the file as "CSV UTF-8"' }], 422);
  const parsed = parseCompletionList(text);
  if ('problem' in parsed) throw invalidRequest([{ field: 'header', reason: parsed.problem }], 422);
  return parsed;
}
