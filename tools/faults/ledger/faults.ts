// The faults of issue 10, each a Fault the runner injects under load and heals (docs/adr/0020).
import { killKafka, restartKafka } from '../../infra/kafka.ts';
import { ensurePostgres, stopPostgresImmediately } from '../../infra/postgres.ts';
import { brokerBehindProxy } from '../kafka-proxy.ts';
import { TcpFaultProxy } from '../tcp-fault-proxy.ts';
import { adminUrl } from './platform.ts';
import type { ServiceName } from './platform.ts';
import type { Fault, FaultContext } from './run-fault.ts';
import { duplicateDelivery, poisonMessages } from './topic-faults.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const nothing = (): Promise<void> => Promise.resolve();

export const brokerKill = (downMs = 6_000): Fault => ({
  name: 'broker-kill',
  description: `kill -9 of the Kafka broker, restarted ${downMs / 1000} s later`,
  inject: async () => {
    if (!(await killKafka()))
      throw new Error('No broker of this worktree to kill (is KAFKA_BROKERS external?).');
    await sleep(downMs);
  },
  heal: async () => {
    await restartKafka();
  },
});

export const postgresStop = (downMs = 5_000): Fault => ({
  name: 'postgres-stop',
  description: `PostgreSQL stopped immediately (pg_ctl stop -m immediate), restarted ${downMs / 1000} s later`,
  inject: async () => {
    if (!(await stopPostgresImmediately())) throw new Error('No PostgreSQL of this worktree to stop.');
    await sleep(downMs);
  },
  heal: async () => {
    await ensurePostgres();
  },
});

export const serviceKill = (service: ServiceName): Fault => ({
  name: `kill-${service}`,
  description: `kill -9 of ${service} mid-load; its supervisor restarts it`,
  inject: (ctx) => {
    ctx.platform.kill(service);
    return Promise.resolve();
  },
  heal: nothing,
});

/** Waits for the supervisor to report the restarts failpoints' SIGKILLs caused. */
export async function restarted(
  ctx: FaultContext,
  service: ServiceName,
  times = 1,
  timeoutMs = 60_000,
): Promise<void> {
  for (const deadline = Date.now() + timeoutMs; ctx.platform.state(service).restarts < times;) {
    if (Date.now() > deadline)
      throw new Error(`The failpoint in ${service} never fired within ${timeoutMs} ms.`);
    await sleep(100);
  }
}

/** kill -9 at a failpoint: `name@N` fires on the Nth pass, once per run (NHIP_FAILPOINT_MARKS). */
export const failpointKill = (service: ServiceName, failpoint: string, description: string): Fault => ({
  name: `kill-${service}-at-${failpoint.replace(/@.*/, '').replace(':', '-')}`,
  description: `kill -9 of ${service} at ${failpoint} (${description})`,
  prepare: () => Promise.resolve({ [service]: { NHIP_FAILPOINTS: failpoint } }),
  inject: (ctx) => restarted(ctx, service),
  heal: nothing,
});

type ProxyFault = 'latency' | 'reset' | 'blackhole';

const proxyFaultText: Record<ProxyFault, string> = {
  latency: '100 ± 50 ms added each way',
  reset: 'every connection reset, new ones refused',
  blackhole: 'black hole (nothing forwarded)',
};

function applyProxyFault(proxy: TcpFaultProxy, kind: ProxyFault): void {
  if (kind === 'latency') proxy.latency(100, 50);
  if (kind === 'reset') {
    proxy.refuse();
    proxy.reset();
  }
  if (kind === 'blackhole') proxy.blackhole();
}

/** A fault on the path through the given proxies, held for `durationMs`, then healed. */
function proxyFault(
  what: { readonly name: string; readonly description: string },
  kind: ProxyFault,
  durationMs: number,
  proxies: TcpFaultProxy[],
) {
  return {
    name: what.name,
    description: `${what.description}: ${proxyFaultText[kind]} for ${durationMs / 1000} s`,
    inject: async (ctx: FaultContext) => {
      for (const proxy of proxies) applyProxyFault(proxy, kind);
      await sleep(durationMs);
      ctx.note(
        'proxy',
        proxies.map((p) => p.stats()),
      );
    },
    heal: () => {
      for (const proxy of proxies) proxy.heal();
      return Promise.resolve();
    },
    cleanup: async () => {
      await Promise.all(proxies.splice(0).map((p) => p.close()));
    },
  };
}

/** A TCP fault proxy between each service and PostgreSQL. */
export function databaseProxyFault(kind: ProxyFault, durationMs = 5_000): Fault {
  const proxies: TcpFaultProxy[] = [];
  const admin = adminUrl();
  return {
    ...proxyFault(
      { name: `db-proxy-${kind}`, description: 'services ↔ PostgreSQL through the TCP fault proxy' },
      kind,
      durationMs,
      proxies,
    ),
    prepare: async () => {
      const env: Record<string, Record<string, string>> = {};
      for (const service of ['registry', 'activity'] as const) {
        const proxy = await TcpFaultProxy.inFrontOf(admin);
        proxies.push(proxy);
        // Short bounds, so a black hole turns into 503s rather than hung requests (ADR 0018).
        env[service] = {
          DATABASE_URL: proxy.urlThrough(admin),
          NHIP_DB_CONNECT_TIMEOUT_MS: '2000',
          NHIP_DB_QUERY_TIMEOUT_MS: '5000',
        };
      }
      return env;
    },
  };
}

/** One TCP fault proxy between both services and the broker, on its proxied listener (ADR 0021). */
export function brokerProxyFault(kind: ProxyFault, durationMs = 5_000): Fault {
  const proxies: TcpFaultProxy[] = [];
  return {
    ...proxyFault(
      { name: `broker-proxy-${kind}`, description: 'services ↔ Kafka through the TCP fault proxy' },
      kind,
      durationMs,
      proxies,
    ),
    prepare: async () => {
      const broker = await brokerBehindProxy();
      proxies.push(broker.proxy);
      return { registry: { KAFKA_BROKERS: broker.brokers }, activity: { KAFKA_BROKERS: broker.brokers } };
    },
  };
}

export const duplicates: Fault = {
  name: 'duplicate-delivery',
  description: '10 % of the messages on the consumed registry topics produced a second time',
  inject: async (ctx) => {
    await sleep(3_000);
    ctx.note('duplicated', await duplicateDelivery(ctx, 0.1));
  },
  heal: nothing,
};

export const slowConsumer: Fault = {
  name: 'slow-consumer',
  description: 'the registry replica consumer waits 400 ms before each batch (delay failpoint)',
  prepare: () => Promise.resolve({ activity: { NHIP_FAILPOINTS: 'consumer:before-apply=delay:400' } }),
  inject: async (ctx) => {
    let maxLag = 0;
    for (let i = 0; i < 20; i++) {
      const lags = await Promise.all(
        ctx.platform
          .targets()
          .flatMap((t) => t.consumerGroups)
          .map((g) => ctx.kafka.lag(g)),
      );
      maxLag = Math.max(maxLag, ...lags);
      await sleep(250);
    }
    ctx.note('maxLagUnderLoad', maxLag);
  },
  heal: nothing,
};

export function poison(): Fault {
  const fault: Fault = {
    name: 'poison',
    description:
      'malformed / wrong-version / unknown-type / contract-breaking / oversized messages on a consumed topic',
    inject: async (ctx) => {
      const sent = await poisonMessages(ctx);
      fault.poisonInjected = sent.length;
      ctx.note('poison', sent);
    },
    heal: nothing,
  };
  return fault;
}
