import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '@nhip/auth';
import { ProblemDetailsFilter, validationPipe } from '@nhip/service-http';
import pg from 'pg';
import { KpiConfig } from './config.ts';
import { KpiScopeTree } from './figures/kpi-scope-tree.ts';
import { KeepFormulaVersions } from './formula-versions/keep-formula-versions.ts';
import { HealthController } from './health/health.http.controller.ts';
import { InputLag } from './health/input-lag.ts';
import { CountActivityController } from './inputs/count-activity/index.ts';
import { CountTrainingController } from './inputs/count-training/index.ts';
import { FollowRegistryController } from './inputs/follow-registry/index.ts';
import { RebuildRollupsController } from './ledger/rebuild-rollups/index.ts';
import { AssignTargetController } from './targets/assign-target/index.ts';
import { DefineGroupingController } from './groupings/define-grouping/index.ts';
import { PartnerStatisticsController } from './statistics/partner-statistics/index.ts';
import { ReportStatisticController } from './statistics/report-statistic/index.ts';
import { ExplainIndicatorController } from './views/explain-indicator/index.ts';
import { IndicatorSeriesController } from './views/indicator-series/index.ts';
import { FormerUnitController } from './views/former-unit/index.ts';
import { CatalogController } from './views/catalog/index.ts';
import { UnitIndicatorsController } from './views/unit-indicators/index.ts';

/** The one place the KPI service is wired; main.ts builds what it gets. */
@Module({})
export class AppModule {
  static with(pool: pg.Pool, config: KpiConfig, inputs: InputLag): DynamicModule {
    return {
      module: AppModule,
      imports: [AuthModule.forRoot(config.auth, new KpiScopeTree(pool))],
      controllers: [
        HealthController,
        UnitIndicatorsController,
        CatalogController,
        AssignTargetController,
        DefineGroupingController,
        ReportStatisticController,
        ExplainIndicatorController,
        IndicatorSeriesController,
        FormerUnitController,
        CountActivityController,
        FollowRegistryController,
        CountTrainingController,
        PartnerStatisticsController,
        RebuildRollupsController,
      ],
      providers: [
        { provide: pg.Pool, useValue: pool },
        { provide: KpiConfig, useValue: config },
        { provide: InputLag, useValue: inputs },
        KeepFormulaVersions,
        { provide: APP_FILTER, useClass: ProblemDetailsFilter },
        { provide: APP_PIPE, useValue: validationPipe },
      ],
    };
  }
}
