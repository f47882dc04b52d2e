import { ApiPropertyOptional } from '@nestjs/swagger';
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
}
