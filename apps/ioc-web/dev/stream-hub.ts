// DEV SHIM ONLY (replaced by apps/projection at merge): the KPI service's public indicator changes
// from Kafka relayed to each open stream whose scope shows the unit, numbered, the last ones kept so
// a client that reconnects with Last-Event-ID gets what it missed (else a reset and a snapshot).
import { publicTopics } from '@nhip/contracts';
import { createMessaging } from '@nhip/messaging';
import type { Subscription } from '@nhip/messaging';

export interface Change {
  readonly unitCode: string;
  readonly period: string;
  readonly [field: string]: unknown;
}

interface Client {
  readonly codes: ReadonlyMap<string, string>;
  readonly period: string;
  send(id: number, change: Change & { unitName: string }): void;
}

const retention = 5_000;

export class StreamHub {
  private sequence = 0;
  private readonly kept: { id: number; change: Change }[] = [];
  private readonly clients = new Set<Client>();
  private subscription: Subscription | undefined;

  async start(brokers: string[], topicPrefix: string): Promise<void> {
    const messaging = createMessaging({ brokers, clientId: 'ioc-web-dev-shim' });
    this.subscription = await messaging.subscriber.subscribe(
      {
        groupId: `ioc-web-dev-shim-${Date.now()}`,
        topics: [`${topicPrefix}${publicTopics.kpiIndicator}`],
        startFrom: 'latest',
      },
      async (batch, commit) => {
        for (const message of batch) this.publish(JSON.parse(message.value.toString()) as Change);
        await commit(batch);
      },
    );
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
  }

  private publish(change: Change): void {
    const id = ++this.sequence;
    this.kept.push({ id, change });
    if (this.kept.length > retention) this.kept.shift();
    for (const client of this.clients) deliver(client, id, change);
  }

  /** Adds a client; replays what it missed since `after`, or false when that is beyond retention. */
  join(client: Client, after: number | undefined): { leave: () => void; replayed: boolean } {
    const first = this.kept[0]?.id ?? this.sequence + 1;
    const replayed = after === undefined || after >= first - 1;
    const missed = after !== undefined && replayed ? this.kept.filter((k) => k.id > after) : [];
    for (const { id, change } of missed) deliver(client, id, change);
    this.clients.add(client);
    return { leave: () => this.clients.delete(client), replayed };
  }

  get last(): number {
    return this.sequence;
  }
}

function deliver(client: Client, id: number, change: Change): void {
  const unitName = client.codes.get(change.unitCode);
  if (unitName !== undefined && change.period === client.period) client.send(id, { ...change, unitName });
}
