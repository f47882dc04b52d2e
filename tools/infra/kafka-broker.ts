// The broker as a detached Java process: launched into .infra/logs, recorded in a pid file so the
// next run (and npm run stop) finds it, and watched until its log says it started.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { logsDir, type KafkaSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { isListening, isProcessAlive, waitFor } from './net.ts';

export interface PidRecord {
  pid: number;
  version: string;
  port: number;
}

export function readPid(settings: KafkaSettings): PidRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(settings.pidFile, 'utf8')) as PidRecord;
  } catch {
    return undefined;
  }
}

/** What the broker has written to its log since `from` (the log's size before this start). */
function logSince(logFile: string, from: number): string {
  const fd = fs.openSync(logFile, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const buffer = Buffer.alloc(size - from);
    fs.readSync(fd, buffer, 0, buffer.length, from);
    return buffer.toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

function launch(settings: KafkaSettings, java: string, libs: string): number {
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
  return child.pid;
}

/** Resolves once the broker serves or its process is gone; says which, with what it logged. */
async function awaitStarted(settings: KafkaSettings, pid: number, readLog: () => string): Promise<void> {
  const started = await waitFor(
    async () => {
      if (!isProcessAlive(pid)) return true;
      return readLog().includes('Kafka Server started') && (await isListening(settings.port));
    },
    120_000,
    250,
  );
  if (!isProcessAlive(pid) || !started) {
    const tail = readLog().split('\n').slice(-30).join('\n');
    throw new InfraError(
      `The Kafka broker did not start (see ${path.relative(process.cwd(), settings.logFile)}): if its storage is damaged, run "npm run stop", delete .infra/kafka/data and start again.`,
      tail,
    );
  }
}

export async function startBroker(
  settings: KafkaSettings,
  java: string,
  libs: string,
  version: string,
): Promise<void> {
  fs.mkdirSync(logsDir, { recursive: true });
  const logStart = fs.existsSync(settings.logFile) ? fs.statSync(settings.logFile).size : 0;
  const pid = launch(settings, java, libs);
  const record: PidRecord = { pid, version, port: settings.port };
  fs.writeFileSync(settings.pidFile, JSON.stringify(record));
  const readLog = (): string => logSince(settings.logFile, logStart);
  await awaitStarted(settings, pid, readLog);
  const reported = /Kafka version: (\S+)/.exec(readLog())?.[1];
  if (reported && reported !== version) {
    throw new InfraError(
      `The broker reports Kafka ${reported}, not the pinned ${version}: delete .infra/kafka and run again.`,
    );
  }
}
