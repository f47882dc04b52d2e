// Query parameters every view shares: a period of Vietnam's calendar and, optionally, the instant
// the figures should be as known at.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { periodPattern, periodRule } from '@nhip/contracts';
import { IsInstant } from '@nhip/service-http';
import { IsOptional, Matches } from 'class-validator';

export class PeriodQuery {
  @ApiProperty({
    example: '2025-Q3',
    description:
      'Day, month, quarter or year, in Vietnam (UTC+7); or a year to date ("lũy kế"), from 1 January through a day, month or quarter: 2025-to-06 is the first half, measured against the year’s target.',
  })
  @Matches(periodPattern, { message: `period ${periodRule}` })
  period!: string;

  @ApiPropertyOptional({
    example: '2025-10-01T00:00:00+07:00',
    description: 'The figures as recorded by then: later (late) reports are left out.',
  })
  @IsOptional()
  @IsInstant()
  knownAt?: string;
}
