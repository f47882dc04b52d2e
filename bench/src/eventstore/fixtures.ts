// The rows every contender writes: the same events and integration messages, built once.
import { randomUUID } from 'node:crypto';
import type { NewEvent, OutboxMessage } from '@nhip/event-sourcing';

export function activityEvent(i: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'ActivityLogged',
    data: {
      teamId: 'b5e0c6f2-2f7a-4c55-9f7b-0d5b7a7c1e11',
      communeCode: String(24000 + (i % 1000)),
      kind: 'vneid_activation',
      residentsHelped: 1 + (i % 30),
      occurredAt: '2024-03-05T19:30:00.000Z',
      note: 'Mỗi đêm 1 giờ tại nhà văn hóa thôn',
    },
    metadata: { correlationId: randomUUID(), occurredAt: '2024-03-05T19:30:00.000Z', actor: 'member-7f3a' },
  };
}

export function activityMessage(event: NewEvent, topic: string): OutboxMessage {
  const data = event.data as { communeCode: string };
  return {
    messageId: randomUUID(),
    topic,
    key: data.communeCode,
    type: 'vn.nhip.activity.logged.v1',
    source: '/nhip/activity',
    subject: `activity/${event.eventId}`,
    occurredAt: event.metadata.occurredAt,
    data: event.data,
  };
}
