// Everything the KPI service's DataSource needs, for the service's start and for the deploy step
// (npm run migrate -- kpi). Migrations are listed oldest first and never edited once shipped.
import { EventStoreSchema } from '@nhip/event-sourcing';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
import { KpiCellsByPeriod } from './kpi-cells-by-period.migration.ts';
import { KpiDeltaSources } from './kpi-delta-sources.migration.ts';
import { KpiGroupingsTable } from './kpi-groupings.migration.ts';
import { KpiPublishedVersions } from './kpi-published-versions.migration.ts';
import { KpiPublishedVersionsPending } from './kpi-published-versions-pending.migration.ts';
import { KpiSchema } from './kpi-schema.migration.ts';
import { KpiStockSpans } from './kpi-stock-spans.migration.ts';
import { KpiTargetReach } from './kpi-target-reach.migration.ts';
import { KpiUnitLineageTable } from './kpi-unit-lineage.migration.ts';
import { KpiVillagesByTree } from './kpi-villages-by-tree.migration.ts';
import { kpiEntities } from './kpi.entities.ts';

export function kpiDataSource(url: string): ServiceDataSourceOptions {
  return {
    url,
    service: 'kpi',
    entities: kpiEntities,
    // The event store's tables hold the outbox and the consumers' processed ids and offsets.
    migrations: [
      EventStoreSchema,
      KpiSchema,
      KpiUnitLineageTable,
      KpiGroupingsTable,
      KpiCellsByPeriod,
      KpiStockSpans,
      KpiDeltaSources,
      KpiTargetReach,
      KpiPublishedVersions,
      KpiPublishedVersionsPending,
      KpiVillagesByTree,
    ],
    poolSize: 8,
  };
}
