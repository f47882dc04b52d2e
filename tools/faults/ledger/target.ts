// What the ledger needs to know of a service to check it (docs/adr/0020): one small object per
// service, so training, kpi and projection plug in their own instead of copying the checks.
import type { TableComparison } from '@nhip/event-sourcing';

export interface ConsumerGroup {
  /** The Kafka group id, which is also the name its progress is stored under. */
  readonly group: string;
  /** Full topic names (with the run's prefix). */
  readonly topics: readonly string[];
}

export interface LedgerTarget {
  readonly service: string;
  /** Its database, reached directly (never through a fault proxy). */
  readonly databaseUrl: string;
  /** Topics it publishes, as its outbox names them (without the run's prefix). */
  readonly publishedTopics: readonly string[];
  /** Its consumers, whose lag must return to 0 and whose poison must all be dead-lettered. */
  readonly consumerGroups: readonly ConsumerGroup[];
  /** The stream an acknowledged command with this id started. */
  streamOf(commandId: string): string;
  /** Check (d): every read-model table beside a rebuild from the events. */
  compareReadModels(): Promise<readonly TableComparison[]>;
}
