import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { PostgresEventStore } from '@nhip/event-sourcing';
import { HealthController } from './health/health.http.controller.ts';
import { ProblemDetailsFilter } from './http/problem-details.filter.ts';
import { ImportUnitListController } from './units/import-unit-list.http.controller.ts';

/** The one place the registry is wired: adapters get the store built in main.ts. */
@Module({})
export class AppModule {
  static with(store: PostgresEventStore): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, ImportUnitListController],
      providers: [
        { provide: PostgresEventStore, useValue: store },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
      ],
    };
  }
}
