// The drill-down's query: a period, optionally as known at an instant, optionally only some of the
// catalog's indicators (a wall screen's panel shows a few; the whole catalog is ~90 KB for a
// province and its districts) and optionally only their figures: most of those bytes are names and
// comparison lines repeated for every unit, which a caller holding GET /catalog already has.
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PeriodQuery } from '../period.request.ts';

const fieldChoices = ['all', 'figures'] as const;

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

  @ApiPropertyOptional({
    enum: fieldChoices,
    default: 'all',
    description:
      "`figures`: each indicator's id, version and figures only; its names, unit and comparison lines are GET /catalog's (by id and version), not repeated for every unit (about half the bytes).",
  })
  @IsOptional()
  @IsIn(fieldChoices, {
    message:
      "fields must be all or figures (figures: each indicator's figures, its names and comparison lines left to GET /catalog)",
  })
  fields?: (typeof fieldChoices)[number];
}
