import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';
import pg from 'pg';
import { ActivitiesController } from './activities/activities.http.controller.ts';
import { CampaignsController } from './campaigns/campaigns.http.controller.ts';
import { ActivityConfig } from './config.ts';
import { HealthController } from './health.http.controller.ts';
import { RegistryReplicaController } from './replica/registry-replica.kafka.controller.ts';
import { ReplicaLag } from './replica/replica-lag.ts';

/** The one place the activity service is wired; main.ts builds what it gets. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool, config: ActivityConfig, replica: ReplicaLag): DynamicModule {
    return {
      module: AppModule,
      controllers: [HealthController, ActivitiesController, CampaignsController, RegistryReplicaController],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: ActivityConfig, useValue: config },
        { provide: ReplicaLag, useValue: replica },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
