import { hostname } from 'node:os';
import { Consumer, MessagesStreamFallbackModes, MessagesStreamModes } from '@platformatic/kafka';
import { FaultEpisode, WakeableDelay } from '../fault-episode.ts';
import type { BatchHandler, SubscribeOptions, Subscriber, Subscription } from '../messaging.port.ts';
import { pump, type RawStream } from './batch-pump.ts';
import { whileBrokerSettles } from './broker-settling.ts';
import type { KafkaConnection } from './kafka-connection.ts';

type KafkaConsumer = Consumer;
const passThrough = (data?: Buffer): Buffer => data ?? Buffer.alloc(0);
/** Bytes one fetch may bring back, over all its partitions. */
const fetchMaxBytes = 1024 * 1024;
/** A new consumer that has run this long without failing ends the outage episode. */
const healthyAfterMs = 5_000;
let consumersOpened = 0;

interface Attempt {
  readonly consumer: KafkaConsumer;
  readonly stream: RawStream;
  /** Settles with the failure that ended the stream, or undefined when it was closed. */
  readonly ended: Promise<unknown>;
}

export class PlatformaticSubscriber implements Subscriber {
  readonly #connection: KafkaConnection;

  constructor(connection: KafkaConnection) {
    this.#connection = connection;
  }

  async subscribe(options: SubscribeOptions, handler: BatchHandler): Promise<Subscription> {
    const supervised = new SupervisedConsumer(this.#connection, options, handler);
    await supervised.start();
    return supervised;
  }
}

/**
 * The client gives up on a stream once a fetch or a group call has failed its few retries (the
 * stream is destroyed, or the consumer emits `error` after a failed rejoin), and it does not
 * reconnect a destroyed stream. So each failure closes that consumer and, after a backoff, joins
 * the group again with a new one, which resumes from the committed offsets; the runtime's own
 * records make the redelivered tail harmless. Only the first attempt's failure reaches the caller.
 */
class SupervisedConsumer implements Subscription {
  readonly #connection: KafkaConnection;
  readonly #options: SubscribeOptions;
  readonly #handler: BatchHandler;
  readonly #episode: FaultEpisode;
  readonly #backoff = new WakeableDelay();
  #attempt: Attempt | undefined;
  #opening: KafkaConsumer | undefined;
  #loop: Promise<void> | undefined;
  #stopped = false;
  #healthyTimer: NodeJS.Timeout | undefined;
  #inHandler = false;
  /**
   * Static membership (KIP-345): each new consumer rejoins under this one name, so the broker hands
   * it the member a failed attempt left behind at once; a dynamic member would wait for that one's
   * session to expire (10 s, measured 10.8 s after a broker restart; 1.4–1.9 s now). Host and
   * instance (the pid unless named) keep replicas apart, the count keeps two subscriptions of one
   * process apart; a restarted process that keeps its instance name takes its place back at once.
   * A clean close still leaves the group (LeaveGroup by member id): a deploy hands partitions over.
   */
  readonly #instanceId: string;

  constructor(connection: KafkaConnection, options: SubscribeOptions, handler: BatchHandler) {
    this.#connection = connection;
    this.#options = options;
    this.#handler = handler;
    this.#instanceId = `${hostname()}-${connection.instance ?? process.pid}-${++consumersOpened}`;
    this.#episode = new FaultEpisode({ what: `kafka consumer ${options.groupId}`, onError: options.onError });
  }

  /** The first join waits out a broker still electing leaders; any other failure goes to the caller. */
  async start(): Promise<void> {
    const { groupId, onError } = this.#options;
    this.#attempt = await whileBrokerSettles(
      () => {
        if (this.#stopped) throw new Error(`kafka consumer ${groupId} was stopped while joining`);
        return this.#open();
      },
      {
        onWaiting: (reason) =>
          onError?.(
            new Error(reason),
            `kafka consumer ${groupId}: the broker is not ready yet; waiting for it`,
          ),
      },
    );
    this.#loop = this.#supervise(this.#attempt);
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    this.#backoff.wake();
    clearTimeout(this.#healthyTimer);
    await this.#opening?.close(true).catch(() => undefined);
    if (this.#attempt) await this.#attempt.stream.close().catch(() => undefined);
    await this.#loop;
  }

  async lag(): Promise<Map<string, bigint[]>> {
    if (!this.#attempt) throw new Error(this.problem() ?? `${this.#options.groupId} is reconnecting.`);
    return this.#attempt.consumer.getLag({ topics: [...this.#options.topics] });
  }

  /** Undefined while a consumer is in the group, else why not: a readiness reason. */
  problem(): string | undefined {
    if (this.#attempt) return undefined;
    return this.#episode.problem() ?? `kafka consumer ${this.#options.groupId} is joining its group`;
  }

  async #supervise(first: Attempt): Promise<void> {
    let attempt: Attempt | undefined = first;
    while (!this.#stopped) {
      const failure = attempt ? await attempt.ended : undefined;
      if (attempt) await this.#discard(attempt);
      if (this.#isStopped()) return;
      await this.#backoff.wait(this.#episode.failed(failure ?? new Error('stream ended')));
      if (this.#isStopped()) return;
      attempt = await this.#open().catch((error: unknown) => {
        this.#episode.failed(error);
        return undefined;
      });
    }
    if (attempt) await this.#discard(attempt);
  }

  /** Read afresh: stop() flips it while the loop awaits. */
  #isStopped(): boolean {
    return this.#stopped;
  }

  async #discard(attempt: Attempt): Promise<void> {
    clearTimeout(this.#healthyTimer);
    this.#attempt = undefined;
    await attempt.stream.close().catch(() => undefined);
    await attempt.consumer.close(true).catch(() => undefined);
  }

  async #open(): Promise<Attempt> {
    const consumer = this.#newConsumer();
    this.#opening = consumer;
    try {
      const stream = await consumer.consume({
        topics: [...this.#options.topics],
        autocommit: false,
        mode: MessagesStreamModes.COMMITTED,
        fallbackMode:
          this.#options.startFrom === 'latest'
            ? MessagesStreamFallbackModes.LATEST
            : MessagesStreamFallbackModes.EARLIEST,
      });
      return this.#run(consumer, stream);
    } catch (error) {
      await consumer.close(true).catch(() => undefined);
      throw error;
    } finally {
      this.#opening = undefined;
    }
  }

  #run(consumer: KafkaConsumer, stream: RawStream): Attempt {
    // A rejoin that fails after a lost heartbeat is an `error` event; unheard, it kills the process.
    consumer.on('error', (error: unknown) => stream.destroy(error as Error));
    const ended = pump(stream, this.#options.maxBatchSize ?? 500, this.#tracked, () =>
      this.#episode.succeeded(),
    ).then(
      () => undefined,
      (error: unknown) => error ?? new Error('stream failed'),
    );
    // A handler still retrying (its database away) has not proved anything yet.
    this.#healthyTimer = setTimeout(() => {
      if (!this.#inHandler) this.#episode.succeeded();
    }, healthyAfterMs).unref();
    const attempt = { consumer, stream, ended };
    this.#attempt = attempt;
    return attempt;
  }

  readonly #tracked: BatchHandler = async (batch, commit) => {
    this.#inHandler = true;
    try {
      await this.#handler(batch, commit);
    } finally {
      this.#inHandler = false;
    }
  };

  #newConsumer(): KafkaConsumer {
    return new Consumer({
      groupId: this.#options.groupId,
      groupInstanceId: this.#instanceId,
      clientId: `${this.#connection.clientId}-${this.#options.groupId}`,
      bootstrapBrokers: [...this.#connection.brokers],
      deserializers: {
        key: passThrough,
        value: passThrough,
        headerKey: passThrough,
        headerValue: passThrough,
      },
      sessionTimeout: 10_000,
      heartbeatInterval: 1_000,
      // Short waits keep commit→consumer latency low; the broker still batches under load.
      maxWaitTime: 100,
      // The client's defaults (50 MB a fetch, 1,024 messages buffered) let a consumer behind by a
      // bulk upload hold ~50,000 decoded messages: most of the KPI service's 980 MB peak under
      // P5. A fetch of 1 MiB still carries ~1,000 events, two batches of work (docs/adr/0036).
      maxBytes: fetchMaxBytes,
      highWaterMark: this.#options.maxBatchSize ?? 500,
    });
  }
}
