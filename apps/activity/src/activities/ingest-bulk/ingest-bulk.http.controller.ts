import { Body, Controller, Headers, HttpCode, Inject, Logger, Post } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requireTeamsInScope } from '../team-scope.ts';
import { ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { decodeUtf8 } from '@nhip/csv';
import { invalidRequest, ProblemError, problemType, requestContext } from '@nhip/service-http';
import pg from 'pg';
import { ActivityConfig } from '../../config.ts';
import type { BulkLine } from './bulk-line.ts';
import { parseCsv } from './bulk.csv.ts';
import { parseNdjson } from './bulk.ndjson.ts';
import { ingestBulk, sortOut, type BulkResult } from './ingest-bulk.handler.ts';
import { beforeRequestWrites } from '@nhip/postgres';

const bulkLog = new Logger('bulk');

@ApiTags('activities')
@Controller('activities')
export class IngestBulkController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(ActivityConfig) private readonly config: ActivityConfig,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  /** NDJSON (one report per line) or CSV (the commune's spreadsheet); a verdict for every line. */
  @Post('bulk')
  @HttpCode(200)
  @Roles('commune-officer', 'admin')
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  async bulk(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<BulkResult> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const file = sortOut(parseBulk(body, headers['content-type'] ?? ''));
    bulkLog.debug({ lines: file.total, ms: ms() }, 'bulk parsed');
    // A commune uploads its own sheet: one team outside its area refuses the whole file.
    await beforeRequestWrites(requireTeamsInScope(this.pool, this.scope, caller, [...file.teamIds]));
    const ctx = { ...requestContext(headers, caller), lateWindowDays: this.config.lateWindowDays };
    // The request's correlation id and actor come with every line (ADR 0014).
    return ingestBulk(this.pool, file, ctx, (done, total) => {
      if (done === total || done % 20_000 === 0) bulkLog.log({ done, total, ms: ms() }, 'bulk progress');
    });
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
