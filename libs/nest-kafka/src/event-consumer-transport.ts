// A NestJS transport whose @EventPattern handlers run inside the idempotent consumer runtime: one
// consumer group over every pattern's topic, each handler call inside the runtime's transaction,
// so retries, dead letters and exactly-once effects are the runtime's, not Nest's.
import type { CustomTransportStrategy } from '@nestjs/microservices';
import { Server } from '@nestjs/microservices';
import {
  startEventConsumer,
  type EventConsumerOptions,
  type IncomingEvent,
  type RunningConsumer,
} from '@nhip/event-sourcing';
import { topicPrefixFromEnv } from '@nhip/messaging';
import type pg from 'pg';
import { isObservable, lastValueFrom } from 'rxjs';
import type { EventBatch } from './event-batch.ts';

export interface EventConsumerTransportOptions extends Omit<EventConsumerOptions, 'topics' | 'handle'> {
  /** Prepended to every pattern's topic and to the group name; defaults to NHIP_TOPIC_PREFIX. */
  readonly topicPrefix?: string;
}

type Status = 'connected' | 'disconnected';
const topicName = /^[A-Za-z0-9._-]{1,249}$/;

export class EventConsumerTransport
  extends Server<Record<string, never>, Status>
  implements CustomTransportStrategy
{
  readonly #options: EventConsumerTransportOptions;
  readonly #prefix: string;
  #consumer: RunningConsumer | undefined;
  #closing: Promise<void> | undefined;
  // The handler's failure is what the runtime retries and dead-letters with its message.
  override readonly propagatesEventHandlerErrors = true;

  constructor(options: EventConsumerTransportOptions) {
    super();
    this.#options = options;
    this.#prefix = options.topicPrefix ?? topicPrefixFromEnv();
  }

  /** Called by Nest once the controllers' patterns are registered. */
  listen(callback: (error?: unknown) => void): void {
    this.#start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /** Stops fetching and waits for the running batch; safe to call twice (service and Nest both do). */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#consumer?.stop();
      this._status$.next('disconnected');
    })();
    return this.#closing;
  }

  /** Messages on the group's partitions not applied yet: a health figure. */
  lag(): Promise<bigint> {
    if (!this.#consumer) return Promise.reject(new Error(`${this.#groupName()} is not consuming yet.`));
    return this.#consumer.lag();
  }

  /** Undefined while consuming; else why not: for the broker readiness check (`brokerCheck`). */
  problem(): string | undefined {
    if (!this.#consumer) return `${this.#groupName()} is not consuming yet.`;
    return this.#consumer.problem();
  }

  on(): never {
    throw new Error('EventConsumerTransport emits no client events; read lag() for health.');
  }

  // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-parameters -- Nest's abstract signature
  unwrap<T>(): T {
    if (!this.#consumer) throw new Error(`${this.#groupName()} is not consuming yet.`);
    return this.#consumer as T;
  }

  async #start(): Promise<void> {
    const patterns = this.#patterns();
    this.#consumer = await startEventConsumer({
      ...this.#options,
      name: this.#groupName(),
      topics: patterns.map((pattern) => `${this.#prefix}${pattern}`),
      handle: (events, tx) => this.#dispatch(events, tx),
    });
    this._status$.next('connected');
  }

  #groupName(): string {
    return `${this.#prefix}${this.#options.name}`;
  }

  /** Topics named by the patterns; anything else is a programming error, refused at start. */
  #patterns(): string[] {
    const patterns = [...this.messageHandlers.entries()].map(([pattern, handler]) => {
      if (!topicName.test(pattern)) {
        throw new Error(`@EventPattern(${pattern}) must name a topic, e.g. publicTopics.registryUnit.`);
      }
      if (handler.isEventHandler !== true) {
        throw new Error(
          `@MessagePattern(${pattern}): Kafka consumers here have no replies; use @EventPattern.`,
        );
      }
      return pattern;
    });
    if (patterns.length === 0) throw new Error(`${this.#groupName()} has no @EventPattern handler to run.`);
    return patterns;
  }

  /** Consecutive events of one topic go to its handler together, in the order they arrived. */
  async #dispatch(events: readonly IncomingEvent[], tx: pg.PoolClient): Promise<void> {
    for (const run of runsByTopic(events)) {
      const pattern = run.topic.slice(this.#prefix.length);
      const handler = this.messageHandlers.get(pattern);
      if (!handler) throw new Error(`No @EventPattern handler for ${run.topic}.`);
      try {
        const batch: EventBatch = { events: run.events, tx, topic: pattern };
        const result: unknown = await handler(batch);
        if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
      } catch (error) {
        throw asError(error);
      }
    }
  }
}

function runsByTopic(events: readonly IncomingEvent[]): { topic: string; events: IncomingEvent[] }[] {
  const runs: { topic: string; events: IncomingEvent[] }[] = [];
  for (const event of events) {
    const last = runs.at(-1);
    if (last?.topic === event.message.topic) last.events.push(event);
    else runs.push({ topic: event.message.topic, events: [event] });
  }
  return runs;
}

/** Nest's default filter turns a failure into `{ status, message }`; the runtime records Errors. */
function asError(reason: unknown): Error {
  if (reason instanceof Error) return reason;
  const message = (reason as { message?: unknown } | null)?.message;
  return new Error(typeof message === 'string' ? message : JSON.stringify(reason));
}
