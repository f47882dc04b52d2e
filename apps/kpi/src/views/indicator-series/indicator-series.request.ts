import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { instantPattern, instantRule, periodPattern, periodRule } from '@nhip/contracts';
import { IsISO8601, IsOptional, Matches } from 'class-validator';

export class SeriesQuery {
  @ApiProperty({
    example: '2024-01',
    description:
      'The first period; its kind is the series’ kind. A year to date (2024-to-01) steps by its end: each month’s running total since 1 January.',
  })
  @Matches(periodPattern, { message: `from ${periodRule}` })
  from!: string;

  @ApiProperty({ example: '2024-12', description: 'The last period, of the same kind.' })
  @Matches(periodPattern, { message: `to ${periodRule}` })
  to!: string;

  @ApiPropertyOptional({ example: '2025-01-05T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: `knownAt ${instantRule}` })
  @Matches(instantPattern, { message: `knownAt ${instantRule}` })
  knownAt?: string;
}
