// A real single-node Apache Kafka broker in KRaft mode, run from jars resolved off Maven Central.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { kafkaPom, kafkaSettings, logsDir, type KafkaSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { findJava, findMaven } from './java.ts';
import { isListening, isProcessAlive, parseBrokers, waitFor } from './net.ts';
import { run } from './proc.ts';
import { withStep } from './progress.ts';

export interface KafkaEndpoint {
  readonly brokers: string;
  readonly version: string;
  readonly startedNow: boolean;
  readonly external: boolean;
}

interface PidRecord {
  pid: number;
  version: string;
  port: number;
}

export function pinnedKafkaVersion(): string {
  const pom = fs.readFileSync(kafkaPom, 'utf8');
  const match = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom);
  if (!match?.[1]) throw new InfraError(`${kafkaPom} has no <kafka.version>: restore it from git.`);
  return match[1];
}

export async function ensureKafka(): Promise<KafkaEndpoint> {
  const external = process.env['KAFKA_BROKERS'];
  if (external) return useExternalKafka(external);

  const version = pinnedKafkaVersion();
  const settings = kafkaSettings(version);
  const running = readPid(settings);
  const ours = running?.port === settings.port && isProcessAlive(running.pid);
  if (running && ours && (await isListening(settings.port))) {
    if (running.version !== version) {
      throw new InfraError(
        `A Kafka ${running.version} broker started by Nhịp is still running but the pom pins ${version}: run "npm run stop" and start again.`,
      );
    }
    return { brokers: `127.0.0.1:${settings.port}`, version, startedNow: false, external: false };
  }
  for (const port of [settings.port, settings.controllerPort]) {
    if (await isListening(port)) {
      throw new InfraError(
        `Port ${port} is already in use by another program, so Nhịp cannot start its Kafka broker there: stop that program, or choose free ports with NHIP_KAFKA_PORT / NHIP_KAFKA_CONTROLLER_PORT, or point KAFKA_BROKERS at an existing broker.`,
      );
    }
  }
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

function libsDirFor(settings: KafkaSettings, version: string): string {
  return path.join(settings.homeDir, version, 'libs');
}

/** Resolves the broker jars once per version; later runs find the completion marker and skip. */
async function ensureJars(settings: KafkaSettings, version: string): Promise<string> {
  const libs = libsDirFor(settings, version);
  const marker = path.join(libs, '.complete');
  if (fs.existsSync(marker)) return libs;
  const mvn = findMaven();
  const staging = `${libs}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  await withStep(
    `Downloading Kafka ${version} jars from Maven Central (first run only)`,
    async () => {
      const result = await run(mvn, [
        '-B',
        '-q',
        '-f',
        settings.pomFile,
        'dependency:copy-dependencies',
        `-DoutputDirectory=${staging}`,
        '-DincludeScope=runtime',
      ]);
      if (result.code !== 0) {
        throw new InfraError(
          'Maven could not resolve the Kafka jars (see the output above): check that Maven Central is reachable and that ~/.m2/settings.xml has no broken mirror.',
          result.output,
        );
      }
      fs.writeFileSync(path.join(staging, '.complete'), new Date().toISOString());
      fs.rmSync(libs, { recursive: true, force: true });
      fs.renameSync(staging, libs);
    },
    () => `${fs.readdirSync(libs).filter((f) => f.endsWith('.jar')).length} jars`,
  );
  return libs;
}

function writeConfig(settings: KafkaSettings): string {
  const file = path.join(settings.homeDir, 'server.properties');
  const lines = [
    '# Written by tools/infra/kafka.ts on every start; edit that file, not this one.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${settings.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${settings.port},CONTROLLER://127.0.0.1:${settings.controllerPort}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${settings.port}`,
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT',
    `log.dirs=${settings.dataDir}`,
    'num.partitions=3',
    'offsets.topic.replication.factor=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'share.coordinator.state.topic.replication.factor=1',
    'share.coordinator.state.topic.min.isr=1',
    // Tests create and join many short-lived groups; the default 3 s delay would dominate them.
    'group.initial.rebalance.delay.ms=0',
    'auto.create.topics.enable=true',
    'log.retention.hours=24',
  ];
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  const log4j = path.join(settings.homeDir, 'log4j2.properties');
  fs.writeFileSync(
    log4j,
    [
      'rootLogger.level=INFO',
      'rootLogger.appenderRef.stdout.ref=STDOUT',
      'appender.stdout.type=Console',
      'appender.stdout.name=STDOUT',
      'appender.stdout.layout.type=PatternLayout',
      'appender.stdout.layout.pattern=[%d] %p %m (%c)%n',
      'logger.kafka.name=kafka',
      'logger.kafka.level=INFO',
      'logger.state.name=state.change.logger',
      'logger.state.level=WARN',
      '',
    ].join('\n'),
  );
  return file;
}

async function ensureFormatted(settings: KafkaSettings, java: string, libs: string): Promise<void> {
  fs.mkdirSync(settings.homeDir, { recursive: true });
  const config = writeConfig(settings);
  if (fs.existsSync(path.join(settings.dataDir, 'meta.properties'))) return;
  await withStep('Formatting Kafka storage (KRaft, standalone controller)', async () => {
    const clusterId = newClusterId();
    const result = await run(java, [
      '-cp',
      path.join(libs, '*'),
      `-Dlog4j2.configurationFile=${path.join(settings.homeDir, 'log4j2.properties')}`,
      'kafka.tools.StorageTool',
      'format',
      '--standalone',
      `--cluster-id=${clusterId}`,
      '-c',
      config,
    ]);
    if (result.code !== 0) {
      throw new InfraError(
        `Kafka could not format its storage in ${settings.dataDir}: delete that folder and run again.`,
        result.output,
      );
    }
  });
}

/**
 * A Kafka cluster id is 16 random bytes in URL-safe base64 without padding. Like Kafka's own
 * generator we never hand out one that starts with "-": the command-line parser would read it as
 * an option (one start in 64 failed that way before this).
 */
export function newClusterId(random: () => Buffer = () => randomBytes(16)): string {
  for (;;) {
    const id = random().toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

async function startBroker(
  settings: KafkaSettings,
  java: string,
  libs: string,
  version: string,
): Promise<void> {
  fs.mkdirSync(logsDir, { recursive: true });
  const logStart = fs.existsSync(settings.logFile) ? fs.statSync(settings.logFile).size : 0;
  const out = fs.openSync(settings.logFile, 'a');
  const child = spawn(
    java,
    [
      `-Xms256m`,
      `-Xmx${settings.heapMb}m`,
      '-XX:+UseG1GC',
      '-XX:MaxGCPauseMillis=20',
      '-Djava.awt.headless=true',
      `-Dlog4j2.configurationFile=${path.join(settings.homeDir, 'log4j2.properties')}`,
      '-cp',
      path.join(libs, '*'),
      'kafka.Kafka',
      path.join(settings.homeDir, 'server.properties'),
    ],
    { detached: true, stdio: ['ignore', out, out] },
  );
  child.unref();
  fs.closeSync(out);
  if (child.pid === undefined) throw new InfraError(`Could not launch ${java}: check the JDK install.`);
  const record: PidRecord = { pid: child.pid, version, port: settings.port };
  fs.writeFileSync(settings.pidFile, JSON.stringify(record));

  const readLog = (): string => {
    const fd = fs.openSync(settings.logFile, 'r');
    try {
      const size = fs.fstatSync(fd).size;
      const buffer = Buffer.alloc(size - logStart);
      fs.readSync(fd, buffer, 0, buffer.length, logStart);
      return buffer.toString('utf8');
    } finally {
      fs.closeSync(fd);
    }
  };
  const started = await waitFor(
    async () => {
      if (!isProcessAlive(child.pid as number)) return true;
      return readLog().includes('Kafka Server started') && (await isListening(settings.port));
    },
    120_000,
    250,
  );
  if (!isProcessAlive(child.pid) || !started) {
    const tail = readLog().split('\n').slice(-30).join('\n');
    throw new InfraError(
      `The Kafka broker did not start (see ${path.relative(process.cwd(), settings.logFile)}): if its storage is damaged, run "npm run stop", delete .infra/kafka/data and start again.`,
      tail,
    );
  }
  const reported = /Kafka version: (\S+)/.exec(readLog())?.[1];
  if (reported && reported !== version) {
    throw new InfraError(
      `The broker reports Kafka ${reported}, not the pinned ${version}: delete .infra/kafka and run again.`,
    );
  }
}

function readPid(settings: KafkaSettings): PidRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(settings.pidFile, 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
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
