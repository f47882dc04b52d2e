import { Body, Controller, Headers, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { Caller, Roles, UnitScope, type Principal } from '@nhip/auth';
import { answerSchema, vietnamDay } from '@nhip/contracts';
import { ApiResponse, ApiTags } from '@nestjs/swagger';
import pg from 'pg';
import { registerVillage } from './register-village.handler.ts';
import { RegisterVillageDto } from './register-village.request.ts';
import { requestContext } from '@nhip/service-http';
import { beforeRequestWrites } from '@nhip/postgres';

/** A commune registers its villages; each gets a code derived from the commune's (24172-001). */
@ApiTags('units')
@Controller('units')
export class RegisterVillageController {
  constructor(
    @Inject(pg.Pool) private readonly pool: pg.Pool,
    @Inject(UnitScope) private readonly scope: UnitScope,
  ) {}

  @Post(':code/villages')
  @HttpCode(201)
  @ApiResponse({
    status: 201,
    description: 'The village registered, with the code it was given.',
    schema: answerSchema('VillageRegistered'),
  })
  @Roles('commune-officer', 'admin')
  async village(
    @Param('code') code: string,
    @Body() body: RegisterVillageDto,
    @Headers() headers: Record<string, string | undefined>,
    @Caller() caller: Principal,
  ) {
    await beforeRequestWrites(this.scope.require(caller, code, vietnamDay(new Date()), 'code'));
    return registerVillage(this.pool, {
      communeCode: code,
      name: body.name,
      villageType: body.type,
      ...requestContext(headers, caller),
    });
  }
}
