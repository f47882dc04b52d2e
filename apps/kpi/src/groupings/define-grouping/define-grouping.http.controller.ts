import { Body, Controller, Headers, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { requestContext } from '@nhip/service-http';
import { beforeRequestWrites } from '@nhip/postgres';
import pg from 'pg';
import type { GroupingDefinedData } from '../grouping.ts';
import { assigners, requireAllInScope } from '../../views/lookup.ts';
import { defineGrouping } from './define-grouping.handler.ts';
import { DefineGroupingDto } from './define-grouping.request.ts';

/**
 * A province's operations center (or an admin) names a set of units inside its area; the set is
 * then read like a unit (`GET /units/{code}/indicators`, `…/series`) under the grouping's code.
 */
@ApiTags('groupings')
@Controller('groupings')
export class DefineGroupingController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post()
  @Roles(...assigners)
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'The grouping as defined.',
    schema: answerSchema('GroupingDefined'),
  })
  define(
    @Body() body: DefineGroupingDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ): Promise<GroupingDefinedData> {
    return defineGrouping(this.pool, {
      body,
      ...requestContext(headers, caller),
      inScope: (members) => beforeRequestWrites(requireAllInScope(this.scope, caller, members)),
    });
  }
}
