// A real single-node Apache Kafka broker in KRaft mode, run from jars resolved off Maven Central:
// reused when this worktree's broker already runs, started otherwise, or someone else's when
// KAFKA_BROKERS says so.
import fs from 'node:fs';
import { kafkaPom, kafkaSettings, type KafkaSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { findJava } from './java.ts';
import { readPid, startBroker } from './kafka-broker.ts';
import { ensureJars } from './kafka-jars.ts';
import { ensureFormatted } from './kafka-storage.ts';
import { isListening, isProcessAlive, parseBrokers, waitFor } from './net.ts';
import { withStep } from './progress.ts';

export interface KafkaEndpoint {
  readonly brokers: string;
  readonly version: string;
  readonly startedNow: boolean;
  readonly external: boolean;
}

export function pinnedKafkaVersion(): string {
  const pom = fs.readFileSync(kafkaPom, 'utf8');
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  if (!match?.[1]) throw new InfraError(`${kafkaPom} has no <kafka.version>: restore it from git.`);
  return match[1];
}

/** The endpoint of the broker this worktree already runs at the pinned version, if it does. */
async function runningBroker(settings: KafkaSettings, version: string): Promise<KafkaEndpoint | undefined> {
  const running = readPid(settings);
  if (running?.port !== settings.port || !isProcessAlive(running.pid)) return undefined;
  if (!(await isListening(settings.port))) return undefined;
  if (running.version !== version) {
    throw new InfraError(
      `A Kafka ${running.version} broker started by Nhịp is still running but the pom pins ${version}: run "npm run stop" and start again.`,
    );
  }
  return { brokers: `127.0.0.1:${settings.port}`, version, startedNow: false, external: false };
}

async function refuseBusyPorts(settings: KafkaSettings): Promise<void> {
  for (const port of [settings.port, settings.controllerPort]) {
    if (await isListening(port)) {
      throw new InfraError(
        `Port ${port} is already in use by another program, so Nhịp cannot start its Kafka broker there: stop that program, or choose free ports with NHIP_KAFKA_PORT / NHIP_KAFKA_CONTROLLER_PORT, or point KAFKA_BROKERS at an existing broker.`,
      );
    }
  }
}

export async function ensureKafka(): Promise<KafkaEndpoint> {
  const external = process.env['KAFKA_BROKERS'];
  if (external) return useExternalKafka(external);
  const version = pinnedKafkaVersion();
  const settings = kafkaSettings(version);
  const running = await runningBroker(settings, version);
  if (running) return running;
  return startNativeKafka(settings, version);
}

/**
 * Starts this worktree's broker even when KAFKA_BROKERS names it (the test tiers export it): for
 * fault tests that killed it and now bring it back. Resolves once it serves.
 */
export async function restartKafka(): Promise<KafkaEndpoint> {
  const version = pinnedKafkaVersion();
  const settings = kafkaSettings(version);
  return (await runningBroker(settings, version)) ?? startNativeKafka(settings, version);
}

async function startNativeKafka(settings: KafkaSettings, version: string): Promise<KafkaEndpoint> {
  await refuseBusyPorts(settings);
  const java = findJava();
  const libs = await ensureJars(settings, version);
  await ensureFormatted(settings, java.bin, libs);
  await withStep(`Starting Kafka ${version} (KRaft) on 127.0.0.1:${settings.port}`, () =>
    startBroker(settings, java.bin, libs, version),
  );
  return { brokers: `127.0.0.1:${settings.port}`, version, startedNow: true, external: false };
}

async function useExternalKafka(list: string): Promise<KafkaEndpoint> {
  let brokers: Array<{ host: string; port: number }>;
  try {
    brokers = parseBrokers(list);
  } catch (error) {
    throw new InfraError(
      `KAFKA_BROKERS=${list} is malformed (${(error as Error).message}): write it as host:port[,host:port].`,
    );
  }
  const reachable = await waitFor(
    async () => (await Promise.all(brokers.map((b) => isListening(b.port, b.host)))).some(Boolean),
    5000,
    500,
  );
  if (!reachable) {
    throw new InfraError(
      `KAFKA_BROKERS=${list} is set but no broker answers there: start that broker, or unset KAFKA_BROKERS to let Nhịp start its own.`,
    );
  }
  // The test runner exports the version of the broker it started; for anyone else's broker the
  // Kafka protocol does not tell us the release.
  const version = process.env['NHIP_KAFKA_VERSION'] ?? 'unknown (external)';
  return { brokers: list, version, startedNow: false, external: true };
}

export async function stopKafka(): Promise<boolean> {
  const settings = kafkaSettings(pinnedKafkaVersion());
  const running = readPid(settings);
  if (!running || !isProcessAlive(running.pid)) {
    fs.rmSync(settings.pidFile, { force: true });
    return false;
  }
  // SIGTERM lets the broker close its logs cleanly, so the next start skips log recovery.
  process.kill(running.pid, 'SIGTERM');
  const exited = await waitFor(() => Promise.resolve(!isProcessAlive(running.pid)), 30_000, 200);
  if (!exited) process.kill(running.pid, 'SIGKILL');
  fs.rmSync(settings.pidFile, { force: true });
  return true;
}

export function kafkaStatus(): { running: boolean; pid?: number; version?: string; port: number } {
  const settings = kafkaSettings(pinnedKafkaVersion());
  const record = readPid(settings);
  const running = record !== undefined && isProcessAlive(record.pid);
  return running
    ? { running, pid: record.pid, version: record.version, port: settings.port }
    : { running, port: settings.port };
}

/**
 * `kill -9` of this worktree's broker, for fault tests: no clean shutdown, so the next start runs
 * log recovery, as after a crash. Resolves once the process is gone; false if none was running.
 */
export async function killKafka(): Promise<boolean> {
  const running = readPid(kafkaSettings(pinnedKafkaVersion()));
  if (!running || !isProcessAlive(running.pid)) return false;
  process.kill(running.pid, 'SIGKILL');
  return waitFor(() => Promise.resolve(!isProcessAlive(running.pid)), 10_000, 50);
}
