// The broker's jars, resolved off Maven Central once per pinned version (tools/kafka/pom.xml).
import fs from 'node:fs';
import path from 'node:path';
import type { KafkaSettings } from './config.ts';
import { InfraError } from './infra-error.ts';
import { findMaven } from './java.ts';
import { run } from './proc.ts';
import { withStep } from './progress.ts';

function libsDirFor(settings: KafkaSettings, version: string): string {
  return path.join(settings.homeDir, version, 'libs');
}

/** Resolves the broker jars once per version; later runs find the completion marker and skip. */
export async function ensureJars(settings: KafkaSettings, version: string): Promise<string> {
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
