import { EventPattern } from '@nestjs/microservices';
import { publicTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { applyToReplica } from './replica.routes.ts';

/** The registry's public events, applied to the replica in the consumer's transaction. */
@EventsController()
export class RegistryReplicaController {
  @EventPattern(publicTopics.registryUnit)
  onUnitEvents({ events, tx }: EventBatch): Promise<void> {
    return applyToReplica(events, tx);
  }

  @EventPattern(publicTopics.registryTeam)
  onTeamEvents({ events, tx }: EventBatch): Promise<void> {
    return applyToReplica(events, tx);
  }
}
