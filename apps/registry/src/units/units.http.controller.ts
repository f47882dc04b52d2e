import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { coverageOf, type CoverageReport } from '../coverage/coverage.queries.ts';
import { registerVillage } from './register-village.ts';
import { requireTreeInForce } from './tree-in-force.ts';
import {
  topLevelUnits,
  unitDetail,
  type TreeInForce,
  type UnitDetail,
  type UnitView,
} from './unit-tree.queries.ts';
import { AsOfDto, RegisterVillageDto } from './unit.request.dto.ts';
import { notFound, requestContext } from '@nhip/service-http';

const unitCode = /^\d{2,5}(-\d{3})?$/;

/** Units of the tree in force on a date: provinces, a unit with its path and children, coverage. */
@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Get()
  async roots(@Query() query: AsOfDto): Promise<TreeInForce & { units: UnitView[] }> {
    const tree = await requireTreeInForce(this.pool, query.asOf ?? new Date());
    return { ...tree, units: await topLevelUnits(this.pool, tree) };
  }

  @Get(':code')
  async unit(@Param('code') code: string, @Query() query: AsOfDto): Promise<UnitDetail> {
    const tree = await requireTreeInForce(this.pool, query.asOf ?? new Date());
    const found = unitCode.test(code) ? await unitDetail(this.pool, tree, code) : undefined;
    if (!found) throw notFound(`unit in tree ${tree.treeVersion}`, 'code', code);
    return found;
  }

  @Get(':code/coverage')
  async coverage(@Param('code') code: string, @Query() query: AsOfDto): Promise<CoverageReport> {
    const detail = await this.unit(code, query);
    return coverageOf(this.pool, detail, detail.unit, detail.children);
  }

  @Post(':code/villages')
  @HttpCode(201)
  village(
    @Param('code') code: string,
    @Body() body: RegisterVillageDto,
    @Headers() headers: Record<string, string | undefined>,
  ) {
    return registerVillage(this.pool, {
      communeCode: code,
      name: body.name,
      villageType: body.type,
      ...requestContext(headers),
    });
  }
}
