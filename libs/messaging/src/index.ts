export type * from './messaging.port.ts';
export { headersFromKafka, headersToKafka } from './headers.ts';
export { brokerCheck, FaultEpisode, WakeableDelay, type ReadinessCheck } from './fault-episode.ts';
export { totalLag } from './total-lag.ts';
export { errorSummary } from './error-summary.ts';
export {
  kafkaConnectionFromEnv,
  topicPrefixFromEnv,
  type KafkaConnection,
} from './platformatic/kafka-connection.ts';
export { PlatformaticAdmin } from './platformatic/platformatic-admin.ts';
export { PlatformaticPublisher } from './platformatic/platformatic-publisher.ts';
export { PlatformaticSubscriber } from './platformatic/platformatic-subscriber.ts';
export { createMessaging } from './create-messaging.ts';
