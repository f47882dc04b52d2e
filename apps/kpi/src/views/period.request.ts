// Query parameters every view shares: a period of Vietnam's calendar and, optionally, the instant
// the figures should be as known at.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { instantPattern, instantRule, periodPattern, periodRule } from '@nhip/contracts';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

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
  @IsISO8601({ strict: true }, { message: `knownAt ${instantRule}` })
  @Matches(instantPattern, { message: `knownAt ${instantRule}` })
  knownAt?: string;
}
