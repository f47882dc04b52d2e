import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '@nhip/auth';
import { ReplicaScopeTree } from '@nhip/registry-replica';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';
import pg from 'pg';
import { ImportCompletionListController } from './attendance/import-completion-list/index.ts';
import { RecordAttendanceController } from './attendance/record-attendance/index.ts';
import { TrainingConfig } from './config.ts';
import { CourseCatalogController } from './courses/course-catalog/index.ts';
import { DefineCourseController } from './courses/define-course/index.ts';
import { HealthController } from './health/health.http.controller.ts';
import { RegistryReplicaController, ReplicaLag } from './registry-replica/follow-registry/index.ts';
import { ChangeSessionController } from './sessions/change-session/index.ts';
import { PlanSessionController } from './sessions/plan-session/index.ts';
import { SessionCatalogController } from './sessions/session-catalog/index.ts';

/** The one place the training service is wired; main.ts builds what it gets. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool, config: TrainingConfig, replica: ReplicaLag): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forRoot(config.auth, new ReplicaScopeTree(pool))],
      controllers: [
        HealthController,
        DefineCourseController,
        CourseCatalogController,
        PlanSessionController,
        ChangeSessionController,
        SessionCatalogController,
        RecordAttendanceController,
        ImportCompletionListController,
        RegistryReplicaController,
      ],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: TrainingConfig, useValue: config },
        { provide: ReplicaLag, useValue: replica },
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
