// The drill-down's query: a period, optionally as known at an instant, and optionally only some of
// the catalog's indicators (a wall screen's panel shows a few; the whole catalog is ~90 KB for a
// province and its districts, most of it names and comparison lines).
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { PeriodQuery } from '../period.request.ts';

export const indicatorListRule =
  'must be indicator ids from GET /catalog separated by commas, e.g. vneid_vs_target,residents_helped.vneid_activation';

export class DrillDownQuery extends PeriodQuery {
  @ApiPropertyOptional({
    example: 'vneid_vs_target,residents_helped.vneid_activation',
    description:
      'Only these indicators (ids from GET /catalog, comma-separated), for the unit and each child; every indicator when left out. Values and ranks are those of the whole drill-down.',
  })
  @IsOptional()
  @Matches(/^[a-z0-9_.]+(,[a-z0-9_.]+)*$/, { message: `indicators ${indicatorListRule}` })
  indicators?: string;
}
