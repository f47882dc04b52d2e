import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInstant } from '@nhip/service-http';
import { IsOptional, Matches } from 'class-validator';
import { periodPattern, periodRule } from '../../periods/period.ts';

export class SummaryQuery {
  @ApiPropertyOptional({
    example: '2025-Q3',
    description:
      'Day, month, quarter or year in Vietnam (UTC+7), or a year to date (2025-to-06: the KPI service’s figures, its trend the earlier ends); the current year when left out.',
  })
  @IsOptional()
  @Matches(periodPattern, { message: `period ${periodRule}` })
  period?: string;

  @ApiPropertyOptional({
    example: '2025-10-01T08:00:00+07:00',
    description:
      'The summary as it was known then: reports recorded later (late ones) left out, every figure, trend point and the coverage from the KPI service’s view as known at that time. Left out, the live figures.',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;
}
