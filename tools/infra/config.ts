// Where the local infrastructure lives and which ports it takes. Ports are deliberately not the
// defaults (9092, 5432) so a developer's own Kafka or Postgres never collides with ours.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { InfraError } from './infra-error.ts';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const infraDir = path.join(repoRoot, '.infra');
export const logsDir = path.join(infraDir, 'logs');

function portFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1024 || port > 65535) {
    throw new InfraError(`${name}=${raw} is not a usable port; set it to a number between 1024 and 65535.`);
  }
  return port;
}

export const kafkaPom = path.join(repoRoot, 'tools', 'kafka', 'pom.xml');

export interface KafkaSettings {
  readonly version: string;
  readonly port: number;
  readonly controllerPort: number;
  readonly pomFile: string;
  readonly homeDir: string;
  readonly dataDir: string;
  readonly logFile: string;
  readonly pidFile: string;
  readonly heapMb: number;
}

export interface PostgresSettings {
  readonly port: number;
  readonly dataDir: string;
  readonly logFile: string;
  readonly user: string;
  readonly password: string;
}

export function kafkaSettings(version: string): KafkaSettings {
  const homeDir = path.join(infraDir, 'kafka');
  return {
    version,
    port: portFromEnv('NHIP_KAFKA_PORT', 29092),
    controllerPort: portFromEnv('NHIP_KAFKA_CONTROLLER_PORT', 29093),
    pomFile: kafkaPom,
    homeDir,
    // Storage formatted by one Kafka release may not open in an older one, so each pinned
    // version keeps its own; a version bump starts with empty topics.
    dataDir: path.join(homeDir, version, 'data'),
    logFile: path.join(logsDir, 'kafka.log'),
    pidFile: path.join(homeDir, 'kafka.pid'),
    // A single dev broker is happy in 512 MB; the P9 memory bar counts the whole stack.
    heapMb: Number(process.env['NHIP_KAFKA_HEAP_MB'] ?? 768),
  };
}

export function postgresSettings(): PostgresSettings {
  return {
    port: portFromEnv('NHIP_POSTGRES_PORT', 55432),
    dataDir: path.join(infraDir, 'postgres', 'data'),
    logFile: path.join(logsDir, 'postgres.log'),
    user: 'nhip',
    password: 'nhip',
  };
}
