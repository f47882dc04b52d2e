import { EventPattern } from '@nestjs/microservices';
import { publicTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { countActivities } from './count-activity.routes.ts';

/** What teams did, counted into the ledger and the rollups in the consumer's transaction. */
@EventsController()
export class CountActivityController {
  @EventPattern(publicTopics.activity)
  onActivityEvents({ events, tx }: EventBatch): Promise<void> {
    return countActivities(events, tx);
  }
}
