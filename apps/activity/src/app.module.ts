import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@nhip/auth';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';
import pg from 'pg';
import { ActivityHistoryController } from './activities/activity-history/index.ts';
import { ChangeActivityController } from './activities/change-activity/index.ts';
import { IngestBulkController } from './activities/ingest-bulk/index.ts';
import { LogActivityController } from './activities/log-activity/index.ts';
import { CampaignCatalogController } from './campaigns/campaign-catalog/index.ts';
import { DefineCampaignController } from './campaigns/define-campaign/index.ts';
import { ActivityConfig } from './config.ts';
import { HealthController } from './health/health.http.controller.ts';
import { RegistryReplicaController, ReplicaLag } from './registry-replica/follow-registry/index.ts';
import { ReplicaScopeTree } from './registry-replica/replica-facts/index.ts';

/** The one place the activity service is wired; main.ts builds what it gets. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool, config: ActivityConfig, replica: ReplicaLag): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forRoot(config.auth, new ReplicaScopeTree(pool))],
      controllers: [
        HealthController,
        LogActivityController,
        IngestBulkController,
        ChangeActivityController,
        ActivityHistoryController,
        DefineCampaignController,
        CampaignCatalogController,
        RegistryReplicaController,
      ],
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
