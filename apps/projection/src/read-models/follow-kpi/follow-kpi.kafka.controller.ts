import { EventPattern } from '@nestjs/microservices';
import { publicTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { applyKpiEvents } from './follow-kpi.routes.ts';

/** The KPI service's changed values, applied to the read model and the change log in the consumer's transaction. */
@EventsController()
export class FollowKpiController {
  @EventPattern(publicTopics.kpiIndicator)
  onIndicatorChanges({ events, tx }: EventBatch): Promise<void> {
    return applyKpiEvents(events, tx);
  }
}
