import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import { answerSchema } from '@nhip/contracts';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import pg from 'pg';
import { assigners, requireInScope } from '../../views/lookup.ts';
import { assignTarget, type AssignedTarget } from './assign-target.handler.ts';
import { AssignTargetDto } from './assign-target.request.ts';
import { beforeRequestWrites } from '@nhip/postgres';

@ApiTags('targets')
@Controller('targets')
export class AssignTargetController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post()
  @Roles(...assigners)
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'The target as stored (a later one for the same unit, metric and period replaces it).',
    schema: answerSchema('AssignedTarget'),
  })
  assign(@Body() body: AssignTargetDto, @Caller() caller: Principal): Promise<AssignedTarget> {
    return assignTarget(this.pool, body, {
      requestId: randomUUID(),
      inScope: (unit) => beforeRequestWrites(requireInScope(this.scope, caller, unit, 'unitCode')),
    });
  }
}
