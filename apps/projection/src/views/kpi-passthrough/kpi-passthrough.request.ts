import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { periodKinds, periodPattern, periodRule } from '../../periods/period.ts';

export class SeriesQuery {
  @ApiProperty({ example: 'vneid_vs_target', description: 'An indicator id of the catalog.' })
  @IsString({ message: 'indicator must be an indicator id of the catalog' })
  @MinLength(1, { message: 'indicator must be an indicator id of the catalog' })
  @MaxLength(100, { message: 'indicator must be at most 100 characters' })
  indicator!: string;

  @ApiPropertyOptional({
    enum: periodKinds,
    default: 'month',
    description: 'The kind of period of each point.',
  })
  @IsOptional()
  @IsIn(periodKinds, { message: `grain must be one of ${periodKinds.join(', ')}` })
  grain?: (typeof periodKinds)[number];

  @ApiPropertyOptional({ example: '2025-01', description: 'First period (default: a year of points back).' })
  @IsOptional()
  @Matches(periodPattern, { message: `from ${periodRule}` })
  from?: string;

  @ApiPropertyOptional({ example: '2025-12', description: 'Last period (default: the current one).' })
  @IsOptional()
  @Matches(periodPattern, { message: `to ${periodRule}` })
  to?: string;
}

export class ExplainQuery {
  @ApiProperty({ example: '2025-Q3', description: 'Day, month, quarter or year in Vietnam (UTC+7).' })
  @Matches(periodPattern, { message: `period ${periodRule}` })
  period!: string;

  @ApiPropertyOptional({ example: '2025-10-01T00:00:00+07:00' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'knownAt must be an ISO 8601 date-time' })
  knownAt?: string;
}
