import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { anyRole, Roles } from '@nhip/auth';
import pg from 'pg';
import { findUnits, type FoundUnits } from './find-unit.handler.ts';
import { FindUnitDto } from './find-unit.request.ts';

/** The search box on every dashboard view: units by name, as people type it. */
@ApiTags('units')
@Controller('units')
export class FindUnitController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  // Names of official units are public reference data, like the tree itself: every signed-in role.
  @Get('search')
  @ApiOkResponse({ description: 'The units that match, best first.', schema: answerSchema('FoundUnits') })
  @Roles(...anyRole)
  @ApiOperation({
    summary: 'Find units by name in the tree in force on a date',
    description:
      'Without diacritics, with type abbreviations (P., TX., H.), by initials, or by a name the unit ' +
      'had before a merger. Best matches first: exact, starts with, words start with, initials, contains.',
  })
  search(@Query() query: FindUnitDto): Promise<FoundUnits> {
    return findUnits(this.pool, query);
  }
}
