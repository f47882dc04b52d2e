import { randomUUID } from 'node:crypto';
import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { PostgresEventStore } from '@nhip/event-sourcing';
import { ProblemError, problemType } from '../http/problem.ts';
import { importUnitList, type ImportSummary } from './import-unit-list.ts';

@Controller('unit-trees')
export class ImportUnitListController {
  constructor(@Inject(PostgresEventStore) private readonly store: PostgresEventStore) {}

  /** POST /unit-trees/vn-2025/imports?effectiveFrom=2025-07-01 with the CSV as a text/csv body. */
  @Post(':treeVersion/imports')
  @HttpCode(200)
  async import(
    @Param('treeVersion') treeVersion: string,
    @Query('effectiveFrom') effectiveFrom: string | undefined,
    @Body() body: unknown,
    @Headers() headers: Record<string, string | undefined>,
  ): Promise<ImportSummary> {
    if (!(body instanceof Uint8Array)) {
      throw new ProblemError({
        type: problemType('unsupported-media-type'),
        title: 'Send the unit list as CSV',
        status: 415,
        detail: 'The body must be the CSV file itself with Content-Type: text/csv.',
        errors: [{ field: 'content-type', reason: 'expected text/csv' }],
      });
    }
    return importUnitList(this.store, {
      treeVersion,
      effectiveFrom: effectiveFrom ?? '',
      csv: body,
      idempotencyKey: headers['idempotency-key'],
      correlationId: headers['x-correlation-id'] ?? randomUUID(),
      now: new Date(),
    });
  }
}
