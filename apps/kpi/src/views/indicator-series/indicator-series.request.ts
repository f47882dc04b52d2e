import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { periodPattern, periodRule } from '@nhip/contracts';
import { IsInstant } from '@nhip/service-http';
import { IsOptional, Matches } from 'class-validator';

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
  @IsInstant()
  knownAt?: string;
}
