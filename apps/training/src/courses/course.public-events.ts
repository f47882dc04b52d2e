// Course events → public events (keyed by course, as the contract declares).
import { CourseDefinedV1 } from '@nhip/contracts';
import { publicMessage, toOutboxMessages, type ToOutbox } from '@nhip/event-sourcing';
import type { CourseCommand, CourseEvent } from './course.ts';

export const courseOutbox: ToOutbox<CourseCommand, CourseEvent> = (events, envelope) =>
  toOutboxMessages(
    events.map((e) => publicMessage(CourseDefinedV1, e.data)),
    envelope.commandId,
    envelope.metadata.occurredAt,
  );
