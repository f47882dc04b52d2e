import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Roles } from '@nhip/auth';
import { statisticNames, answerSchema } from '@nhip/contracts';
import { indicatorCatalog, supersededVersions } from '../../indicators/catalog.ts';
import type { IndicatorDefinition } from '../../indicators/indicator.ts';
import { statisticIds } from '../../indicators/indicator.ts';
import { metricDefinitions } from '../../indicators/metric-names.ts';
import { readers } from '../lookup.ts';

/**
 * Every indicator in force (names, unit, direction, formula, comparison lines), the older versions
 * a value may still have been recorded with (`superseded`), and the
 * vocabulary their formulas use: the metrics counted from events with what each counts, and the
 * statistics partners send (`statistics`, the ids, as partner.statistics.v1 names them) with
 * their names.
 */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  @Get()
  @ApiOkResponse({
    description:
      'Every indicator in force, the versions they replaced, and the metrics and statistics their formulas name.',
    schema: answerSchema('Catalog'),
  })
  @Roles(...readers)
  catalog(): {
    indicators: readonly IndicatorDefinition[];
    superseded: readonly IndicatorDefinition[];
    statistics: readonly string[];
    statisticNames: typeof statisticNames;
    metrics: typeof metricDefinitions;
  } {
    return {
      indicators: indicatorCatalog,
      superseded: supersededVersions,
      statistics: statisticIds,
      statisticNames,
      metrics: metricDefinitions,
    };
  }
}
