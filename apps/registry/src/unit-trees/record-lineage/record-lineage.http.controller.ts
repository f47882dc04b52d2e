import { answerSchema } from '@nhip/contracts';
import { Body, Controller, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Context, Roles, type CallContext } from '@nhip/auth';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { csvBody, csvOnly } from '../csv-upload.ts';
import { recordLineage, type LineageSummary } from './record-lineage.handler.ts';

@ApiTags('unit trees')
@Controller('unit-trees')
export class RecordLineageController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  /** POST /unit-trees/vn-2025/lineage?from=vn-2024 with mapping-2024-to-2025.csv as text/csv. */
  @Post(':treeVersion/lineage')
  @HttpCode(200)
  @ApiOkResponse({ description: 'What the mapping recorded.', schema: answerSchema('LineageRecorded') })
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiQuery({ name: 'from', example: 'vn-2024' })
  lineage(
    @Param('treeVersion') treeVersion: string,
    @Query('from') from: string | undefined,
    @Body() body: unknown,
    @Context() ctx: CallContext,
  ): Promise<LineageSummary> {
    return recordLineage(this.pool, {
      treeVersion,
      previousTreeVersion: from ?? '',
      csv: csvOnly(body),
      ...ctx,
    });
  }
}
