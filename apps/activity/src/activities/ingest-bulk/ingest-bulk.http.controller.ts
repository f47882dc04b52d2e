import { answerSchema } from '@nhip/contracts';
import { Body, Controller, Headers, HttpCode, Inject, Logger, Post, StreamableFile } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requireTeamsInScope } from '../team-scope.ts';
import { lateWindowOf, recordsForCommunes } from '../late-window.ts';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { requestContext } from '@nhip/service-http';
import pg from 'pg';
import { ActivityConfig } from '../../config.ts';
import { receiveBulk } from './bulk-upload.ts';
import { bulkReply } from './bulk-reply.ts';
import { ingestBulk, sortOut } from './ingest-bulk.handler.ts';
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
  @Roles('commune-officer', ...recordsForCommunes)
  @ApiConsumes('application/x-ndjson', 'text/csv')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ description: 'A summary and a verdict per line.', schema: answerSchema('BulkVerdicts') })
  async bulk(
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<StreamableFile> {
    const started = performance.now();
    const ms = () => Math.round(performance.now() - started);
    const upload = await receiveBulk(body, headers['content-type'] ?? '');
    try {
      const file = await sortOut(upload.lines());
      bulkLog.debug({ lines: file.total, ms: ms() }, 'bulk parsed');
      // A commune uploads its own sheet, an operations centre those of communes in its area: one
      // team outside the caller's area refuses the whole file.
      await beforeRequestWrites(requireTeamsInScope(this.pool, this.scope, caller, [...file.teamIds]));
      const ctx = { ...requestContext(headers, caller), lateWindow: lateWindowOf(caller, this.config) };
      // The request's correlation id and actor come with every line (ADR 0014).
      const result = await ingestBulk(this.pool, { ...file, lines: upload.lines() }, ctx, (done, total) => {
        if (done === total || done % 20_000 === 0) bulkLog.log({ done, total, ms: ms() }, 'bulk progress');
      });
      return bulkReply(result);
    } finally {
      await upload.discard();
    }
  }
}
