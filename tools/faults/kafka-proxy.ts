// The broker behind the TCP fault proxy (docs/adr/0021). Kafka clients dial the addresses the
// broker advertises after their first metadata request, so a proxy in front of the plain listener
// sees only the bootstrap. With NHIP_KAFKA_PROXIED=1 the broker has a third listener advertised at
// the proxy's port; clients bootstrapped there stay behind the proxy for every request.
import { pinnedKafkaVersion, restartKafka, stopKafka } from '../infra/kafka.ts';
import { kafkaSettings } from '../infra/config.ts';
import { proxiedListener } from '../infra/kafka-storage.ts';
import { isListening } from '../infra/net.ts';
import { TcpFaultProxy } from './tcp-fault-proxy.ts';

export interface ProxiedBroker {
  readonly proxy: TcpFaultProxy;
  /** KAFKA_BROKERS for a client whose every request must cross the proxy. */
  readonly brokers: string;
}

/** Restarts this worktree's broker with the proxied listener when it runs without one. */
export async function ensureProxiedListener(): Promise<{ listenerPort: number; proxyPort: number }> {
  process.env['NHIP_KAFKA_PROXIED'] = '1';
  const listener = proxiedListener(kafkaSettings(pinnedKafkaVersion()));
  if (!listener) throw new Error('unreachable: NHIP_KAFKA_PROXIED is set');
  if (!(await isListening(listener.listenerPort))) {
    await stopKafka();
    await restartKafka();
  }
  return listener;
}

export async function brokerBehindProxy(): Promise<ProxiedBroker> {
  const { listenerPort, proxyPort } = await ensureProxiedListener();
  const proxy = await TcpFaultProxy.start({ host: '127.0.0.1', port: listenerPort }, { port: proxyPort });
  return { proxy, brokers: `127.0.0.1:${proxyPort}` };
}
