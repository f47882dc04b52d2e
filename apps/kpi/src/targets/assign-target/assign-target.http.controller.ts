import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
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
  assign(@Body() body: AssignTargetDto, @Caller() caller: Principal): Promise<AssignedTarget> {
    return assignTarget(this.pool, body, {
      requestId: randomUUID(),
      inScope: (unit) => beforeRequestWrites(requireInScope(this.scope, caller, unit, 'unitCode')),
    });
  }
}
