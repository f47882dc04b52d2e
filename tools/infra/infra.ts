// One entry point for "make sure Kafka and PostgreSQL are up": used by npm start, the test
// setup and the benchmarks, so all three run against the same real servers.
import { dockerEngineReachable, startContainers } from './containers.ts';
import { ensureKafka, stopKafka, kafkaStatus, type KafkaEndpoint } from './kafka.ts';
import { ensurePostgres, stopPostgres, postgresStatus, type PostgresEndpoint } from './postgres.ts';
import { ensureIssuer, issuerRunning, stopIssuer, type IssuerEndpoint } from './issuer.ts';

export interface Infra {
  readonly kafka: KafkaEndpoint;
  readonly postgres: PostgresEndpoint;
  /** The development issuer the services trust (or the one AUTH_ISSUER_URL names). */
  readonly issuer: IssuerEndpoint;
}

export interface EnsureOptions {
  /** Tests and benchmarks may use Testcontainers; `npm start` must outlive its own process. */
  readonly allowContainers?: boolean;
}

export async function ensureInfra(options: EnsureOptions = {}): Promise<Infra> {
  const configured = Boolean(process.env['KAFKA_BROKERS'] ?? process.env['DATABASE_URL']);
  const nativeForced = process.env['NHIP_INFRA'] === 'native';
  if (options.allowContainers && !configured && !nativeForced && (await dockerEngineReachable())) {
    return { ...(await startContainers()), issuer: await ensureIssuer() };
  }
  // Sequential on purpose: both are CPU-heavy at start and this machine has two cores.
  const postgres = await ensurePostgres();
  const kafka = await ensureKafka();
  return { kafka, postgres, issuer: await ensureIssuer() };
}

/** The variables every process of the platform and every test reads to find the servers. */
export function infraEnv(infra: Infra): Record<string, string> {
  return {
    KAFKA_BROKERS: infra.kafka.brokers,
    NHIP_KAFKA_VERSION: infra.kafka.version,
    NHIP_POSTGRES_ADMIN_URL: infra.postgres.adminUrl,
    NHIP_POSTGRES_VERSION: infra.postgres.version,
    AUTH_ISSUER_URL: infra.issuer.url,
  };
}

export async function stopInfra(): Promise<{ kafka: boolean; postgres: boolean; issuer: boolean }> {
  const kafka = await stopKafka();
  const postgres = await stopPostgres();
  const issuer = await stopIssuer();
  return { kafka, postgres, issuer };
}

export function infraStatus(): {
  kafka: ReturnType<typeof kafkaStatus>;
  postgres: ReturnType<typeof postgresStatus>;
  issuer: { running: boolean };
} {
  return { kafka: kafkaStatus(), postgres: postgresStatus(), issuer: { running: issuerRunning() } };
}

/** "Kafka: stopped; PostgreSQL: was not running; issuer: stopped" (npm run stop and npm run infra -- down). */
export function stoppedLine(stopped: Record<'kafka' | 'postgres' | 'issuer', boolean>): string {
  const said = (was: boolean) => (was ? 'stopped' : 'was not running');
  return `Kafka: ${said(stopped.kafka)}; PostgreSQL: ${said(stopped.postgres)}; issuer: ${said(stopped.issuer)}`;
}
