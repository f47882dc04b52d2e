// Activity events → public events (keyed by commune, as the contracts declare, so one commune's
// reports stay in order). A report counts when it happened; a correction or a void when recorded.
import { ActivityCorrectedV1, ActivityLoggedV1, ActivityVoidedV1 } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, type PublicMessage, type ToOutbox } from '@nhip/event-sourcing';
import type { ActivityCommand, ActivityEvent } from './activity.ts';

export const activityOutbox: ToOutbox<ActivityCommand, ActivityEvent> = (events, envelope) =>
  toOutboxMessages(events.map(toPublic), envelope.commandId, envelope.metadata.occurredAt);

function toPublic(event: ActivityEvent): PublicMessage {
  switch (event.type) {
    case 'ActivityLogged':
      return publicMessage(ActivityLoggedV1, event.data, event.data.occurredAt);
    case 'ActivityCorrected':
      return publicMessage(ActivityCorrectedV1, event.data, event.data.recordedAt);
    case 'ActivityVoided':
      return publicMessage(ActivityVoidedV1, event.data, event.data.recordedAt);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
