// Everything the training service's DataSource needs, for the service's start and for the deploy
// step (npm run migrate -- training). Migrations are listed oldest first and never edited once shipped.
import { EventStoreSchema } from '@nhip/event-sourcing';
import type { ServiceDataSourceOptions } from '@nhip/postgres';
// The entities alone: the deploy step runs type-stripped, where the Nest controller cannot load.
import {
  ReplicaLineageRelation,
  ReplicaLineageRelationFilled,
  replicaEntities,
} from '@nhip/registry-replica/entities';
import { ReplicaUnitLineage } from './replica-unit-lineage.migration.ts';
import { TrainingSchema } from './training-schema.migration.ts';
import { Attendance, Course, Session } from './training.entities.ts';

export function trainingDataSource(url: string): ServiceDataSourceOptions {
  return {
    url,
    service: 'training',
    entities: [...replicaEntities, Course, Session, Attendance],
    migrations: [
      EventStoreSchema,
      TrainingSchema,
      ReplicaUnitLineage,
      ReplicaLineageRelation,
      ReplicaLineageRelationFilled,
    ],
    poolSize: 12,
  };
}
