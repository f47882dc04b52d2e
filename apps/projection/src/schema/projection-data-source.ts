// Everything the projection service's DataSource needs, for the service's start and for the deploy
// step (npm run migrate -- projection). Migrations are listed oldest first and never edited once shipped.
import { EventStoreSchema } from '@nhip/event-sourcing';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
// The entities alone: the deploy step runs type-stripped, where the Nest controller cannot load.
import {
  ReplicaLineageRelation,
  ReplicaLineageRelationFilled,
  replicaUnitEntities,
} from '@nhip/registry-replica/entities';
import { ProjectionChangeTargetMoved } from './projection-change-target-moved.migration.ts';
import { ProjectionDropsTeamReplica } from './projection-drops-team-replica.migration.ts';
import { ProjectionChangeEventTime } from './projection-event-time.migration.ts';
import { ProjectionSchema } from './projection-schema.migration.ts';
import { projectionEntities } from './projection.entities.ts';

export function projectionDataSource(url: string): ServiceDataSourceOptions {
  return {
    url,
    service: 'projection',
    // The replica's units only: scope is checked against them; no read here needs a team.
    entities: [...replicaUnitEntities, ...projectionEntities],
    // The event store's tables hold the consumers' processed ids and offsets.
    migrations: [
      EventStoreSchema,
      ProjectionSchema,
      ProjectionChangeEventTime,
      ReplicaLineageRelation,
      ReplicaLineageRelationFilled,
      ProjectionChangeTargetMoved,
      ProjectionDropsTeamReplica,
    ],
    poolSize: 12,
  };
}
