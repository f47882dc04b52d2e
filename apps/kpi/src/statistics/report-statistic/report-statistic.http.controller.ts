import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { reportStatistic, type ReportedStatistic } from './report-statistic.handler.ts';
import { ReportStatisticDto } from './report-statistic.request.ts';

@ApiTags('statistics')
@Controller('statistics')
export class ReportStatisticController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  report(@Body() body: ReportStatisticDto): Promise<ReportedStatistic> {
    return reportStatistic(this.pool, body, randomUUID());
  }
}
