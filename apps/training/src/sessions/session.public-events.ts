// Session events → public events (keyed by session, as the contracts declare).
import { SessionCancelledV1, SessionHeldV1, SessionPlannedV1 } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, type PublicMessage, type ToOutbox } from '@nhip/event-sourcing';
import type { SessionCommand, SessionEvent } from './session.ts';

export const sessionOutbox: ToOutbox<SessionCommand, SessionEvent> = (events, envelope) =>
  toOutboxMessages(events.map(toPublic), envelope.commandId, envelope.metadata.occurredAt);

function toPublic(event: SessionEvent): PublicMessage {
  switch (event.type) {
    case 'SessionPlanned':
      return publicMessage(SessionPlannedV1, event.data);
    case 'SessionHeld':
      return publicMessage(SessionHeldV1, event.data, event.data.heldAt);
    case 'SessionCancelled':
      return publicMessage(SessionCancelledV1, event.data);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
