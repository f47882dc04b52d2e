import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import pg from 'pg';
import { HealthController } from './health/health.http.controller.ts';
import { MembersController } from './members/members.http.controller.ts';
import { TeamsController } from './teams/teams.http.controller.ts';
import { UnitTreesController } from './units/unit-trees.http.controller.ts';
import { UnitsController } from './units/units.http.controller.ts';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';

/** The one place the registry is wired: adapters get the pool built in main.ts. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        HealthController,
        UnitTreesController,
        UnitsController,
        TeamsController,
        MembersController,
      ],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
