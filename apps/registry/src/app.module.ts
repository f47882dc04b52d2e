import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@nhip/auth';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import pg from 'pg';
import { HealthController } from './health/health.http.controller.ts';
import { PersonalDataController } from './members/personal-data/index.ts';
import { RegisterMemberController } from './members/register-member/index.ts';
import { CarryOverController } from './teams/carry-over/index.ts';
import { ChangeTeamController } from './teams/change-team/index.ts';
import { MoveTeamController } from './teams/move-team/index.ts';
import { CoverageController } from './teams/coverage/index.ts';
import { RegisterTeamController } from './teams/register-team/index.ts';
import { TeamRosterController } from './teams/team-roster/index.ts';
import { FindUnitController } from './unit-trees/find-unit/index.ts';
import { ImportUnitListController } from './unit-trees/import-unit-list/index.ts';
import { RecordLineageController } from './unit-trees/record-lineage/index.ts';
import { RegistryUnitTree, UnitsController } from './unit-trees/units/index.ts';
import type { RegistryConfig } from './config.ts';
import { RegisterVillageController } from './villages/register-village/index.ts';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';

/** The one place the registry is wired: adapters get the pool built in main.ts. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool, config: Pick<RegistryConfig, 'auth'>): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forRoot(config.auth, new RegistryUnitTree(pool))],
      controllers: [
        HealthController,
        ImportUnitListController,
        RecordLineageController,
        // Before UnitsController: /units/search must not be read as /units/{code}.
        FindUnitController,
        UnitsController,
        CoverageController,
        RegisterVillageController,
        RegisterTeamController,
        TeamRosterController,
        ChangeTeamController,
        MoveTeamController,
        CarryOverController,
        RegisterMemberController,
        PersonalDataController,
      ],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
