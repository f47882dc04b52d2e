// The platform's own messaging port. Services and the event-sourcing core speak only this; the
// Kafka client behind it is an adapter that can be swapped (see docs/adr/0003).

/** Header values are text: CloudEvents binary mode and W3C trace context are both strings. */
export type MessageHeaders = Readonly<Record<string, string>>;

export interface OutgoingMessage {
  readonly topic: string;
  /** Partitioning key: messages with one key stay in order. Never personal data. */
  readonly key: string | null;
  readonly value: Buffer | string;
  readonly headers?: MessageHeaders;
}

export interface ReceivedMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly key: string | null;
  /** The original bytes, kept so a poison message can be dead-lettered unchanged. */
  readonly value: Buffer;
  readonly headers: MessageHeaders;
  readonly timestamp: Date;
}

export interface Publisher {
  /** Resolves once every message is acknowledged by all in-sync replicas (acks=all). */
  publish(messages: readonly OutgoingMessage[]): Promise<void>;
  close(): Promise<void>;
}

export interface SubscribeOptions {
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Where a group with no committed offset starts; committed offsets always win. */
  readonly startFrom?: 'earliest' | 'latest';
  /** Upper bound on messages handed to one handler call. */
  readonly maxBatchSize?: number;
  /**
   * Told once per broker outage (the first failure), not per retry: the subscription itself
   * reconnects with backoff and resumes from the committed offsets.
   */
  readonly onError?: ((error: unknown, context: string) => void) | undefined;
}

/**
 * Called with messages in partition order. Offsets are committed only when the handler calls
 * `commit` (manual commits): a handler that stores its own progress in its database can commit
 * to Kafka lazily, and a crash before the commit means redelivery, never loss.
 */
export type BatchHandler = (
  batch: readonly ReceivedMessage[],
  commit: (messages: readonly ReceivedMessage[]) => Promise<void>,
) => Promise<void>;

export interface Subscription {
  /** Stops fetching, waits for the running handler, leaves the group. */
  stop(): Promise<void>;
  /** Messages not yet committed by this group, per topic and partition. */
  lag(): Promise<Map<string, bigint[]>>;
  /** Undefined while consuming; else why not (broker away, rejoining), for a readiness check. */
  problem(): string | undefined;
}

export interface Subscriber {
  subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription>;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
}

export interface EnsureTopicsOptions {
  /**
   * Told once when the broker answers "not yet" (a restarted broker electing partition leaders);
   * the call waits for it, up to a minute, instead of failing. An unreachable broker fails at once.
   */
  readonly onWaiting?: (reason: string) => void;
}

export interface TopicAdmin {
  /** Creates the topics that do not exist yet; existing ones are left as they are. */
  ensureTopics(topics: readonly TopicSpec[], options?: EnsureTopicsOptions): Promise<void>;
  listTopics(): Promise<string[]>;
  /** Deletes the named topics that exist; names that do not are ignored. */
  deleteTopics(names: readonly string[]): Promise<void>;
  /** Who is in a consumer group now, as the group's coordinator lists them. */
  groupMembers(groupId: string): Promise<GroupMember[]>;
  /** Every consumer group the broker knows, with members or not. */
  consumerGroups(): Promise<string[]>;
  /**
   * Deletes the named groups and their committed offsets; names the broker does not know are
   * ignored. A group that still has members is refused by the broker.
   */
  deleteGroups(groupIds: readonly string[]): Promise<void>;
  close(): Promise<void>;
}

export interface GroupMember {
  readonly memberId: string;
  /** The static member's name (group.instance.id), kept across its reconnects; null when dynamic. */
  readonly instanceId: string | null;
  readonly clientId: string;
}

export interface Messaging {
  readonly publisher: Publisher;
  readonly subscriber: Subscriber;
  readonly admin: TopicAdmin;
  close(): Promise<void>;
}
