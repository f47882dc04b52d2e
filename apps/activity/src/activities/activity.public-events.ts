// Activity events → public events, keyed by commune so one commune's reports stay in order.
import {
  activitySource,
  ActivityCorrectedV1,
  ActivityLoggedV1,
  ActivityVoidedV1,
  type PublicEventDefinition,
} from '@nhip/contracts';
import { messageIdFor, type OutboxMessage } from '@nhip/event-sourcing';
import type { ActivityEvent } from './activity.ts';

const publicTypeOf: { [T in ActivityEvent['type']]: PublicEventDefinition } = {
  ActivityLogged: ActivityLoggedV1,
  ActivityCorrected: ActivityCorrectedV1,
  ActivityVoided: ActivityVoidedV1,
};

export function activityOutbox(events: readonly ActivityEvent[], commandId: string): OutboxMessage[] {
  return events.map((event, i) => {
    const definition = publicTypeOf[event.type];
    return {
      messageId: messageIdFor(commandId, i),
      topic: definition.topic,
      key: event.data.communeCode,
      type: definition.type,
      source: activitySource,
      subject: event.data.activityId,
      occurredAt: event.type === 'ActivityLogged' ? event.data.occurredAt : event.data.recordedAt,
      data: event.data,
    };
  });
}
