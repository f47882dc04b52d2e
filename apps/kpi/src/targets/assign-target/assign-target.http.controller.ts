import { randomUUID } from 'node:crypto';
import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { assignTarget, type AssignedTarget } from './assign-target.handler.ts';
import { AssignTargetDto } from './assign-target.request.ts';

@ApiTags('targets')
@Controller('targets')
export class AssignTargetController {
  constructor(@Inject(pg.Pool) private readonly pool: pg.Pool) {}

  @Post()
  @HttpCode(201)
  assign(@Body() body: AssignTargetDto): Promise<AssignedTarget> {
    return assignTarget(this.pool, body, randomUUID());
  }
}
