export { migrateEventStore } from './schema/migrate.ts';
export { EventStoreSchema } from './schema/event-store-schema.migration.ts';
export { PostgresEventStore, type StreamRead } from './event-store/postgres-event-store.ts';
export { ConcurrencyConflict, DuplicateEventId } from './event-store/errors.ts';
export {
  beginningOfLog,
  type AppendResult,
  type EventMetadata,
  type ExpectedVersion,
  type LogPosition,
  type NewEvent,
  type OutboxMessage,
  type RecordedEvent,
} from './event-store/types.ts';
export {
  currentSchemaVersion,
  upcast,
  type EventSchema,
  type EventSchemas,
  type Upcast,
} from './event-store/upcasters.ts';
export { deterministicUuid, eventIdFor, messageIdFor } from './command/deterministic-id.ts';
export {
  decideOnStream,
  handleCommand,
  newEventsFor,
  type CommandEnvelope,
  type Decision,
  type HandleResult,
  type ToOutbox,
} from './command/command-handler.ts';
export { noReadModel, type Aggregate } from './command/aggregate.ts';
export { executeCommand } from './command/execute-command.ts';
export { executeFirstCommand } from './command/execute-first-command.ts';
export { executeCommands, executeCommandsIn, type CommandOutcome } from './command/execute-commands.ts';
export { inTransaction, takeTurnOn, type Tx } from './command/transaction.ts';
export { OutboxRelay, type OutboxRelayOptions } from './outbox/outbox-relay.ts';
export { pendingOutboxCount } from './outbox/relay-database.ts';
export { cloudEventHeaders, toKafkaMessage, type OutboxRow } from './outbox/cloud-events.ts';
export { publicMessage, toOutboxMessages, type PublicMessage } from './outbox/outbox-message.ts';
export { writeOutbox } from './outbox/write-outbox.ts';
export {
  startEventConsumer,
  type EventBatchHandler,
  type EventConsumerOptions,
  type RunningConsumer,
} from './consumer/event-consumer.ts';
export {
  parseIncoming,
  maxMessageBytes,
  type IncomingEvent,
  type PoisonReason,
} from './consumer/incoming-event.ts';
export { deadLetter, deadLetterTopic, type SetAside } from './dead-letters/dead-letter.ts';
export { on, routeEvents, type EventRoute, type EventRouter } from './consumer/event-routes.ts';
export { processedCount } from './consumer/processed-store.ts';
export { failpoint, failpointDelay } from './failpoints.ts';
export { forgetGroup, readTopic } from './reconciliation/read-topic.ts';
export { reconcile, type Reconciliation } from './reconciliation/reconcile.ts';
export { compareWithRebuild, type TableComparison } from './reconciliation/compare-rebuild.ts';
export {
  readDeadLetterRecords,
  redriveMessage,
  type DeadLetter,
  type DeadLetterTopicRead,
} from './dead-letters/dead-letter-record.ts';
export {
  letterStatus,
  planRedrive,
  redrivableReasons,
  summarizeDeadLetters,
  type DeadLetterGroup,
  type RedrivePlan,
  type RedriveSelection,
} from './dead-letters/redrive-plan.ts';
export { deadLetterTopics, readDeadLetters, redriveDeadLetters } from './dead-letters/redrive.ts';
export {
  checkoutScope,
  DeadLettersCommandError,
  runDeadLettersCommand,
  type DeadLettersIo,
  type DeadLettersScope,
} from './dead-letters/command/command.ts';
export { listingLines, type Invocation } from './dead-letters/command/report.ts';
export { runServiceDeadLetters } from './dead-letters/command/service-command.ts';
