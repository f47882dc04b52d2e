import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { anyRole, Roles } from '@nhip/auth';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import pg from 'pg';
import { requireTreeInForce, requireUnitInForce } from './tree-in-force.ts';
import { topLevelUnits, type TreeInForce, type UnitDetail, type UnitView } from './units.queries.ts';
import { AsOfDto } from './units.request.ts';

/** Units of the tree in force on a date: provinces, a unit with its path and children. */
@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  // Public reference data (the official unit lists): every signed-in role reads the whole tree.
  @Get()
  @ApiOkResponse({
    description: 'The tree in force on the date and its top-level units.',
    schema: answerSchema('UnitsInForce'),
  })
  @Roles(...anyRole)
  async roots(@Query() query: AsOfDto): Promise<TreeInForce & { units: UnitView[] }> {
    const tree = await requireTreeInForce(this.pool, query.asOf ?? new Date());
    return { ...tree, units: await topLevelUnits(this.pool, tree) };
  }

  @Get(':code')
  @ApiOkResponse({
    description: 'The unit with its path, children, predecessors and successors.',
    schema: answerSchema('UnitDetail'),
  })
  @Roles(...anyRole)
  unit(@Param('code') code: string, @Query() query: AsOfDto): Promise<UnitDetail> {
    return requireUnitInForce(this.pool, code, query.asOf ?? new Date());
  }
}
