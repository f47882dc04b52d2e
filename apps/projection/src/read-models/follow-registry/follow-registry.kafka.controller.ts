// The registry's unit events: the shared replica's units (paths and lineage, what scope is checked
// against) and the units' names, which the replica does not keep and a dashboard shows. The team
// topic is not followed: no read here needs a team (coverage comes from the KPI service's figures).
import { EventPattern } from '@nestjs/microservices';
import { publicTopics, UnitAddedV1, UnitRenamedV1 } from '@nhip/contracts';
import { on, routeEvents } from '@nhip/event-sourcing';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { applyToReplica } from '@nhip/registry-replica';

const names = routeEvents([
  on(UnitAddedV1, (d, tx) =>
    tx.query(
      `INSERT INTO projection_unit_names (tree_version, code, name) VALUES ($1, $2, $3)
       ON CONFLICT (tree_version, code) DO NOTHING`,
      [d.treeVersion, d.code, d.name],
    ),
  ),
  on(UnitRenamedV1, (d, tx) =>
    tx.query('UPDATE projection_unit_names SET name = $3 WHERE tree_version = $1 AND code = $2', [
      d.treeVersion,
      d.code,
      d.name,
    ]),
  ),
]);

@EventsController()
export class FollowRegistryController {
  @EventPattern(publicTopics.registryUnit)
  async onUnitEvents({ events, tx }: EventBatch): Promise<void> {
    await applyToReplica(events, tx);
    await names.handle(events, tx);
  }
}
