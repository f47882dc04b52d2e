import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { storedPeriodKinds, periodPattern, periodRule } from '../../periods/period.ts';
import { ledgerPositionPattern, sourceEventOrders, type SourceEventOrder } from '@nhip/contracts';
import { IsInstant } from '@nhip/service-http';

export class SeriesQuery {
  @ApiProperty({ example: 'vneid_vs_target', description: 'An indicator id of the catalog.' })
  @IsString({ message: 'indicator must be an indicator id of the catalog' })
  @MinLength(1, { message: 'indicator must be an indicator id of the catalog' })
  @MaxLength(100, { message: 'indicator must be at most 100 characters' })
  indicator!: string;

  @ApiPropertyOptional({
    enum: storedPeriodKinds,
    default: 'month',
    description: 'The kind of period of each point.',
  })
  @IsOptional()
  @IsIn(storedPeriodKinds, { message: `grain must be one of ${storedPeriodKinds.join(', ')}` })
  grain?: (typeof storedPeriodKinds)[number];

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
  @IsInstant()
  knownAt?: string;

  @ApiPropertyOptional({
    example: '0',
    description: 'Source events after this ledger position (the page cursor).',
  })
  @IsOptional()
  @Matches(ledgerPositionPattern, { message: 'after must be a ledger position (digits)' })
  after?: string;

  @ApiPropertyOptional({
    example: '48211',
    description: 'Source events up to this ledger position (the first page’s `sourceEvents.until`).',
  })
  @IsOptional()
  @Matches(ledgerPositionPattern, { message: 'until must be a ledger position (digits)' })
  until?: string;

  @ApiPropertyOptional({ example: 20, description: 'Source events per page, 1 to 1000.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number from 1 to 1000' })
  @Min(1, { message: 'limit must be a whole number from 1 to 1000' })
  @Max(1000, { message: 'limit must be a whole number from 1 to 1000' })
  limit?: number;

  @ApiPropertyOptional({
    enum: sourceEventOrders,
    default: 'oldest',
    description: '`newest`: the most recently recorded source events first; `after` then pages downwards.',
  })
  @IsOptional()
  @IsIn(sourceEventOrders, { message: `order must be ${sourceEventOrders.join(' or ')}` })
  order?: SourceEventOrder;
}
