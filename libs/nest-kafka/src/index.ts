export { EventConsumerTransport, type EventConsumerTransportOptions } from './event-consumer-transport.ts';
export type { EventBatch } from './event-batch.ts';
export { EventsController } from './events-controller.ts';
