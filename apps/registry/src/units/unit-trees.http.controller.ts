import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiQuery, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { importUnitList, type ImportSummary } from './import-unit-list.ts';
import { recordLineage, type LineageSummary } from './record-lineage.ts';
import { ProblemError, problemType, requestContext } from '@nhip/service-http';

const csvBody = { schema: { type: 'string', format: 'binary' } } as const;

function csvOnly(body: unknown): Uint8Array {
  if (body instanceof Uint8Array) return body;
  throw new ProblemError({
    type: problemType('unsupported-media-type'),
    title: 'Send the file as CSV',
    status: 415,
    detail: 'The body must be the CSV file itself with Content-Type: text/csv.',
    errors: [{ field: 'content-type', reason: 'expected text/csv' }],
  });
}

@ApiTags('unit trees')
@Controller('unit-trees')
export class UnitTreesController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  /** POST /unit-trees/vn-2025/imports?effectiveFrom=2025-07-01 with the CSV as a text/csv body. */
  @Post(':treeVersion/imports')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiQuery({ name: 'effectiveFrom', example: '2025-07-01' })
  async import(
    @Param('treeVersion') treeVersion: string,
    @Query('effectiveFrom') effectiveFrom: string | undefined,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<ImportSummary> {
    return importUnitList(this.pool, {
      treeVersion,
      effectiveFrom: effectiveFrom ?? '',
      csv: csvOnly(body),
      ...requestContext(headers),
    });
  }

  /** POST /unit-trees/vn-2025/lineage?from=vn-2024 with mapping-2024-to-2025.csv as text/csv. */
  @Post(':treeVersion/lineage')
  @HttpCode(200)
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiQuery({ name: 'from', example: 'vn-2024' })
  lineage(
    @Param('treeVersion') treeVersion: string,
    @Query('from') from: string | undefined,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<LineageSummary> {
    return recordLineage(this.pool, {
      treeVersion,
      previousTreeVersion: from ?? '',
      csv: csvOnly(body),
      ...requestContext(headers),
    });
  }
}
