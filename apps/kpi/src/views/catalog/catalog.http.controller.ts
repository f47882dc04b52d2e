import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Roles } from '@nhip/auth';
import { indicatorCatalog } from '../../indicators/catalog.ts';
import type { IndicatorDefinition } from '../../indicators/indicator.ts';
import { statisticIds } from '../../indicators/indicator.ts';
import { readers } from '../lookup.ts';

/** Every indicator and version: names, unit, direction, formula and comparison lines. */
@ApiTags('catalog')
@Controller('catalog')
export class CatalogController {
  @Get()
  @Roles(...readers)
  catalog(): { indicators: readonly IndicatorDefinition[]; statistics: readonly string[] } {
    return { indicators: indicatorCatalog, statistics: statisticIds };
  }
}
