import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { assigners, requireInScope } from '../../views/lookup.ts';
import { reportStatistic, type ReportedStatistic } from './report-statistic.handler.ts';
import { ReportStatisticDto } from './report-statistic.request.ts';
import { beforeRequestWrites } from '@nhip/postgres';

@ApiTags('statistics')
@Controller('statistics')
export class ReportStatisticController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post()
  @Roles(...assigners)
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'The statistic as stored.',
    schema: answerSchema('ReportedStatistic'),
  })
  report(@Body() body: ReportStatisticDto, @Caller() caller: Principal): Promise<ReportedStatistic> {
    return reportStatistic(this.pool, body, {
      requestId: randomUUID(),
      inScope: (unit) => beforeRequestWrites(requireInScope(this.scope, caller, unit, 'unitCode')),
    });
  }
}
