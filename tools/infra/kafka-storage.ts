// The broker's configuration, written on every start, and its KRaft storage, formatted once.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { KafkaSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { run } from './proc.ts';
import { withStep } from './progress.ts';

function writeConfig(settings: KafkaSettings): string {
  const file = path.join(settings.homeDir, 'server.properties');
  const proxied = proxiedListener(settings);
  const lines = [
    '# Written by tools/infra/kafka-storage.ts on every start; edit that file, not this one.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.bootstrap.servers=127.0.0.1:${settings.controllerPort}`,
    `listeners=PLAINTEXT://127.0.0.1:${settings.port},CONTROLLER://127.0.0.1:${settings.controllerPort}${proxied ? `,PROXIED://127.0.0.1:${proxied.listenerPort}` : ''}`,
    `advertised.listeners=PLAINTEXT://127.0.0.1:${settings.port}${proxied ? `,PROXIED://127.0.0.1:${proxied.proxyPort}` : ''}`,
    'controller.listener.names=CONTROLLER',
    `listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT${proxied ? ',PROXIED:PLAINTEXT' : ''}`,
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

/**
 * With NHIP_KAFKA_PROXIED=1, a third listener for the fault suite (docs/adr/0021): the broker
 * listens on port+2 and advertises port+3, where a TCP fault proxy forwards to port+2. A client
 * bootstrapped at port+3 is then told to dial port+3 again, so all its traffic crosses the proxy.
 */
export function proxiedListener(
  settings: KafkaSettings,
): { listenerPort: number; proxyPort: number } | undefined {
  if (process.env['NHIP_KAFKA_PROXIED'] !== '1') return undefined;
  return { listenerPort: settings.port + 2, proxyPort: settings.port + 3 };
}

export async function ensureFormatted(settings: KafkaSettings, java: string, libs: string): Promise<void> {
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
