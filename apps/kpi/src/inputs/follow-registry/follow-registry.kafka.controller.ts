import { EventPattern } from '@nestjs/microservices';
import { publicTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { followRegistry } from './follow-registry.routes.ts';

/** The registry's units and teams: the trees the API reads and the stocks indicators count. */
@EventsController()
export class FollowRegistryController {
  @EventPattern(publicTopics.registryUnit)
  onUnitEvents({ events, tx }: EventBatch): Promise<void> {
    return followRegistry(events, tx);
  }

  @EventPattern(publicTopics.registryTeam)
  onTeamEvents({ events, tx }: EventBatch): Promise<void> {
    return followRegistry(events, tx);
  }
}
