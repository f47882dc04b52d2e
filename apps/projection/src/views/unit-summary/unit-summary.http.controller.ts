import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Roles } from '@nhip/auth';
import { Asking, type Asker } from '../asker.ts';
import { readers, requirePeriod } from '../unit-lookup.ts';
import { Summaries } from './summaries.ts';
import { SummaryQuery } from './unit-summary.request.ts';
import type { UnitSummary } from './unit-summary.queries.ts';

/** What a dashboard opens with: a unit's indicators beside its children's, with trends and coverage. */
@ApiTags('summary')
@Controller('api/units')
export class UnitSummaryController {
  constructor(@Inject(Summaries) private readonly summaries: Summaries) {}

  @Get(':code/summary')
  @ApiOkResponse({
    description: 'The unit’s indicators with trends, its children’s, its coverage.',
    schema: answerSchema('UnitSummary'),
  })
  @Roles(...readers)
  async summary(
    @Param('code') code: string,
    @Query() query: SummaryQuery,
    @Asking() asker: Asker,
  ): Promise<UnitSummary> {
    const period = requirePeriod(query.period);
    const unit = await this.summaries.unit(asker, code, period);
    const knownAt = query.knownAt === undefined ? undefined : new Date(query.knownAt).toISOString();
    return (await this.summaries.builder(asker, knownAt))(unit, period);
  }
}
