import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { InfraError } from './infra-error.ts';

export interface Java {
  readonly bin: string;
  readonly major: number;
}

/** Finds a JDK/JRE 17+ (JAVA_HOME first, then PATH): Kafka 4 brokers need 17. */
export function findJava(): Java {
  const home = process.env['JAVA_HOME'];
  const bin = home ? path.join(home, 'bin', 'java') : 'java';
  const probe = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new InfraError(
      `No Java runtime found (${home ? `JAVA_HOME=${home}` : '"java" is not on the PATH'}): install a JDK 17 or newer (e.g. apt-get install openjdk-17-jdk-headless), or set KAFKA_BROKERS to a broker you already run.`,
    );
  }
  const major = javaMajor(probe.stderr);
  if (major < 17) {
    throw new InfraError(
      `Java ${major} is too old for Kafka 4 (it needs 17 or newer): install a JDK 17+ and put it first on the PATH or in JAVA_HOME.`,
    );
  }
  return { bin, major };
}

/** "1.8.0_392" is Java 8; "17.0.15" is Java 17. */
export function javaMajor(versionOutput: string): number {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  const first = Number(match?.[1] ?? 0);
  return first === 1 ? Number(match?.[2] ?? 0) : first;
}

export function findMaven(): string {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.status !== 0) {
    throw new InfraError(
      'Maven ("mvn") is not on the PATH and the Kafka jars are not downloaded yet: install Maven (apt-get install maven), or set KAFKA_BROKERS to a broker you already run.',
    );
  }
  return 'mvn';
}
