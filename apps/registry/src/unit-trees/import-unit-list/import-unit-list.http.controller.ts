import { answerSchema } from '@nhip/contracts';
import { Body, Controller, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { Context, Roles, type CallContext } from '@nhip/auth';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { csvBody, csvOnly } from '../csv-upload.ts';
import { importUnitList, type ImportSummary } from './import-unit-list.handler.ts';

@ApiTags('unit trees')
@Controller('unit-trees')
export class ImportUnitListController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  /** POST /unit-trees/vn-2025/imports?effectiveFrom=2025-07-01 with the CSV as a text/csv body. */
  @Post(':treeVersion/imports')
  @HttpCode(200)
  @ApiOkResponse({
    description: 'What the list changed in the tree.',
    schema: answerSchema('UnitListImported'),
  })
  @Roles('admin')
  @ApiConsumes('text/csv')
  @ApiBody(csvBody)
  @ApiQuery({ name: 'effectiveFrom', example: '2025-07-01' })
  async import(
    @Param('treeVersion') treeVersion: string,
    @Query('effectiveFrom') effectiveFrom: string | undefined,
    @Body() body: unknown,
    @Context() ctx: CallContext,
  ): Promise<ImportSummary> {
    return importUnitList(this.pool, {
      treeVersion,
      effectiveFrom: effectiveFrom ?? '',
      csv: csvOnly(body),
      ...ctx,
    });
  }
}
