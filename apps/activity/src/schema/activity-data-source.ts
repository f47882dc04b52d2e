// Everything the activity service's DataSource needs, for the service's start and for the deploy
// step (npm run migrate -- activity). Migrations are listed oldest first and never edited once shipped.
import { EventStoreSchema } from '@nhip/event-sourcing';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
import { ActivitySchema } from './activity-schema.migration.ts';
import { ReplicaUnitLineageTable } from './replica-unit-lineage.migration.ts';
// The entities alone: the deploy step runs type-stripped, where the Nest controller cannot load.
import {
  ReplicaLineageRelation,
  ReplicaLineageRelationFilled,
  replicaEntities,
} from '@nhip/registry-replica/entities';
import { Campaign } from './activity.entities.ts';

export function activityDataSource(url: string): ServiceDataSourceOptions {
  return {
    url,
    service: 'activity',
    entities: [...replicaEntities, Campaign],
    migrations: [
      EventStoreSchema,
      ActivitySchema,
      ReplicaUnitLineageTable,
      ReplicaLineageRelation,
      ReplicaLineageRelationFilled,
    ],
    poolSize: 12,
  };
}
