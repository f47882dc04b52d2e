import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '@nhip/auth';
import { ReplicaScopeTree } from '@nhip/registry-replica';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';
import pg from 'pg';
import { ProjectionConfig } from './config.ts';
import { HealthController } from './health/health.http.controller.ts';
import { InputLag } from './health/input-lag.ts';
import { FollowKpiController } from './read-models/follow-kpi/index.ts';
import { FollowRegistryController } from './read-models/follow-registry/index.ts';
import { ChangeHub, LiveStreamController } from './stream/live-stream/index.ts';
import { KpiClient, KpiPassthroughController } from './views/kpi-passthrough/index.ts';
import { RegistryClient, RegistryPassthroughController } from './views/registry-passthrough/index.ts';
import { Summaries, UnitSummaryController } from './views/unit-summary/index.ts';

export interface ProjectionParts {
  readonly pool: pg.Pool;
  readonly config: ProjectionConfig;
  readonly inputs: InputLag;
  readonly hub: ChangeHub;
}

/** The one place the projection service is wired; main.ts builds what it gets. */
@Module({})
export class AppModule {
  static with({ pool, config, inputs, hub }: ProjectionParts): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forRoot(config.auth, new ReplicaScopeTree(pool))],
      controllers: [
        HealthController,
        UnitSummaryController,
        KpiPassthroughController,
        RegistryPassthroughController,
        LiveStreamController,
        FollowKpiController,
        FollowRegistryController,
      ],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: ProjectionConfig, useValue: config },
        { provide: InputLag, useValue: inputs },
        { provide: ChangeHub, useValue: hub },
        { provide: KpiClient, useValue: new KpiClient(config.kpiUrl, () => hub.last) },
        { provide: RegistryClient, useValue: new RegistryClient(config.registryUrl) },
        Summaries,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
