// The Testcontainers path: taken by the test runner and benchmarks when a Docker engine answers.
// No engine runs on the project's own machines, so the native path (kafka.ts, postgres.ts) is the
// one CI exercises; this one is kept to the same versions and checked by a unit test.
import fs from 'node:fs';
import net from 'node:net';
import type { Infra } from './infra.ts';
import { serverVersion } from './postgres.ts';
import { withStep } from './progress.ts';

/** Confluent Platform 8.2 carries Apache Kafka 4.2, the release the native path pins. */
export const containerImages = {
  kafka: 'confluentinc/cp-kafka:8.2.0',
  postgres: 'postgres:18',
} as const;

export async function dockerEngineReachable(): Promise<boolean> {
  const host = process.env['DOCKER_HOST'];
  if (host?.startsWith('tcp://')) {
    const url = new URL(host.replace('tcp://', 'http://'));
    return canConnect({ host: url.hostname, port: Number(url.port || 2375) });
  }
  const socket = host?.startsWith('unix://') ? host.slice('unix://'.length) : '/var/run/docker.sock';
  return fs.existsSync(socket) && canConnect({ path: socket });
}

function canConnect(target: net.NetConnectOpts): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(target);
    s.setTimeout(1000, () => {
      s.destroy();
      resolve(false);
    });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Containers live as long as the process that started them (Testcontainers' reaper ends them). */
export async function startContainers(): Promise<Omit<Infra, 'issuer'>> {
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  const { KafkaContainer } = await import('@testcontainers/kafka');
  const pg = await withStep(`Starting ${containerImages.postgres} (Testcontainers)`, () =>
    new PostgreSqlContainer(containerImages.postgres)
      .withUsername('nhip')
      .withPassword('nhip')
      .withDatabase('postgres')
      .start(),
  );
  const kafka = await withStep(`Starting ${containerImages.kafka} (Testcontainers)`, () =>
    new KafkaContainer(containerImages.kafka).withKraft().start(),
  );
  return {
    kafka: {
      brokers: `${kafka.getHost()}:${kafka.getMappedPort(9093)}`,
      version: '4.2 (cp-kafka 8.2.0)',
      startedNow: false,
      external: true,
    },
    postgres: {
      adminUrl: pg.getConnectionUri(),
      version: await serverVersion(pg.getConnectionUri()),
      startedNow: false,
      external: true,
    },
  };
}
