import { EventPattern } from '@nestjs/microservices';
import { publicTopics } from '@nhip/contracts';
import { EventsController, type EventBatch } from '@nhip/nest-kafka';
import { countTraining } from './count-training.routes.ts';

/** Members trained, counted among the active members of every unit their teams serve. */
@EventsController()
export class CountTrainingController {
  @EventPattern(publicTopics.trainingAttendance)
  onAttendanceEvents({ events, tx }: EventBatch): Promise<void> {
    return countTraining(events, tx);
  }
}
