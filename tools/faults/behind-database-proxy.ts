// A service as it ships, its database reached through a TCP fault proxy: what each database fault
// spec starts. Connections are bounded to 1 s, so a refused or silent path turns into 503s within a
// spec's patience; the service has topics of its own.
import { pendingOutboxCount } from '@nhip/event-sourcing';
import {
  builtService,
  postgresAdminUrl,
  startHttpService,
  uniqueTopicPrefix,
  type RunningService,
} from '@nhip/testing';
import { TcpFaultProxy } from './tcp-fault-proxy.ts';

export interface BehindDatabaseProxy {
  readonly proxy: TcpFaultProxy;
  readonly service: RunningService;
  /** Heals the path (so the service stops cleanly), stops the service, closes the proxy. */
  readonly stop: () => Promise<void>;
}

export async function startBehindDatabaseProxy(spec: {
  /** The service's name: its built entry is started (builtService). */
  readonly service: string;
  readonly envPrefix: string;
  readonly purpose: string;
  /** More of the service's environment (a query timeout), over the defaults here. */
  readonly env?: Record<string, string>;
}): Promise<BehindDatabaseProxy> {
  const proxy = await TcpFaultProxy.inFrontOf(postgresAdminUrl());
  try {
    const service = await startHttpService({
      entry: builtService(spec.service),
      envPrefix: spec.envPrefix,
      purpose: spec.purpose,
      env: {
        DATABASE_URL: proxy.urlThrough(postgresAdminUrl()),
        NHIP_TOPIC_PREFIX: uniqueTopicPrefix(),
        NHIP_DB_CONNECT_TIMEOUT_MS: '1000',
        ...spec.env,
      },
    });
    const stop = async () => {
      proxy.heal();
      await service.stop();
      await proxy.close();
    };
    return { proxy, service, stop };
  } catch (error) {
    await proxy.close();
    throw error;
  }
}

/**
 * What the service's relay has still to publish, read on the test's own connection to its database
 * (not through the proxy): once a fault heals, the relay must bring it to 0 by itself.
 */
export function pendingOutboxOf(service: RunningService): Promise<number> {
  const db = {
    query: async (text: string, values?: unknown[]) => ({ rows: await service.sql(text, values) }),
  };
  return pendingOutboxCount(db as never); // rows are all the count reads of a query's result
}
