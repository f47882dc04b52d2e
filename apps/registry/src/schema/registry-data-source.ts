// Everything the registry's DataSource needs, for the service's start and for the deploy step
// (npm run migrate -- registry). Migrations are listed oldest first and never edited once shipped.
import { EventStoreSchema } from '@nhip/event-sourcing';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
import { MemberPersonalData, PersonalDataAudit } from './personal-data.entities.ts';
import { ReadModelMeta, Team, TeamMember, Unit, UnitLineage, UnitTree } from './read-model.entities.ts';
import { RegistrySchema } from './registry-schema.migration.ts';
import { AuditTrailInWriteOrder } from './audit-trail-in-write-order.migration.ts';
import { VillagesCarriedTo } from './villages-carried-to.migration.ts';
import { UnitSearchNames } from './unit-search-names.migration.ts';

export function registryDataSource(url: string): ServiceDataSourceOptions {
  return {
    url,
    service: 'registry',
    entities: [
      UnitTree,
      Unit,
      UnitLineage,
      Team,
      TeamMember,
      ReadModelMeta,
      MemberPersonalData,
      PersonalDataAudit,
    ],
    migrations: [
      EventStoreSchema,
      RegistrySchema,
      AuditTrailInWriteOrder,
      UnitSearchNames,
      VillagesCarriedTo,
    ],
    poolSize: 10,
  };
}
