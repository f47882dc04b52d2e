import { EventPattern } from '@nestjs/microservices';
import { partnerTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { takeStatistics } from './partner-statistics.routes.ts';

/** Statistics from partner systems, dead-lettered with the reason when they are not valid. */
@EventsController()
export class PartnerStatisticsController {
  @EventPattern(partnerTopics.statistics)
  onStatistics({ events, tx }: EventBatch): Promise<void> {
    return takeStatistics(events, tx);
  }
}
