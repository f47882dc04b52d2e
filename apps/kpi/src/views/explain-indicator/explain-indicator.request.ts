import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { PeriodQuery } from '../period.request.ts';
import { ledgerPositionPattern, sourceEventOrders, type SourceEventOrder } from '@nhip/contracts';

export class ExplainQuery extends PeriodQuery {
  @ApiPropertyOptional({
    example: '48190',
    description:
      'Source events after this ledger position in the order asked (the page cursor, the previous page’s `sourceEvents.next`): above it oldest first, below it newest first.',
  })
  @IsOptional()
  @Matches(ledgerPositionPattern, { message: 'after must be a ledger position (digits)' })
  after?: string;

  @ApiPropertyOptional({
    example: '48211',
    description:
      'Source events up to this ledger position: the `sourceEvents.until` of the first page, so the next pages list what the figure counted and nothing recorded after it.',
  })
  @IsOptional()
  @Matches(ledgerPositionPattern, { message: 'until must be a ledger position (digits)' })
  until?: string;

  @ApiPropertyOptional({ example: 100, description: 'Source events per page, 1 to 1000.' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;

  @ApiPropertyOptional({
    enum: sourceEventOrders,
    default: 'oldest',
    description:
      '`newest`: the most recently recorded source events first, where a figure’s latest jump is; `oldest`: in the order they were recorded.',
  })
  @IsOptional()
  @IsIn(sourceEventOrders, { message: `order must be ${sourceEventOrders.join(' or ')}` })
  order?: SourceEventOrder;
}
