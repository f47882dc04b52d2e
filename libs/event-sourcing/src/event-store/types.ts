/** What travels with every event: who, why, and the trace it belongs to. */
export interface EventMetadata {
  /** The request or conversation this event belongs to. */
  readonly correlationId: string;
  /** The command or event that caused this one. */
  readonly causationId?: string;
  /** W3C trace context of the request that wrote it. */
  readonly traceparent?: string;
  /** The acting user: a pseudonymous id, never a name. */
  readonly actor?: string;
  /** When it happened in the world (as opposed to recorded_at, when it was stored). */
  readonly occurredAt: string;
}

export interface NewEvent {
  /** Client-chosen or derived from the command id, so a retried append is recognised. */
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent {
  readonly globalPosition: bigint;
  readonly txId: bigint;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
}

/** An integration event to publish, written in the same transaction as the domain events. */
export interface OutboxMessage {
  /** Becomes the CloudEvents id (`ce_id`): consumers de-duplicate on it. */
  readonly messageId: string;
  readonly topic: string;
  /** Kafka key chosen per topic (e.g. the commune code, so one commune stays in order). */
  readonly key: string | null;
  /** CloudEvents type, e.g. `vn.nhip.registry.team.registered.v1`. */
  readonly type: string;
  readonly source: string;
  readonly subject?: string;
  readonly occurredAt: string;
  readonly data: unknown;
  readonly traceparent?: string;
}

/** "no_stream": the stream must not exist yet; "any": append whatever the version. */
export type ExpectedVersion = number | 'no_stream' | 'any';

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  readonly lastGlobalPosition: bigint;
  /** True when these event ids were already stored: a retry, answered with the original result. */
  readonly alreadyAppended: boolean;
}

/** A place in the global log: ordered by writing transaction, then by position within it. */
export interface LogPosition {
  readonly txId: bigint;
  readonly globalPosition: bigint;
}

export const beginningOfLog: LogPosition = { txId: 0n, globalPosition: 0n };
