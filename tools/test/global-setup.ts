// Jest global setup for the integration and end-to-end tiers: real Kafka and PostgreSQL, started
// once per run (or reused when already up), their addresses handed to the test workers by env.
import { ensureInfra, infraEnv } from '../infra/infra.ts';
import { InfraError } from '../infra/infra-error.ts';
import { testTopicsList } from './test-topics.ts';

export default async function globalSetup(): Promise<void> {
  try {
    const infra = await ensureInfra({ allowContainers: true });
    Object.assign(process.env, infraEnv(infra));
    // Named before the workers start, which inherit it: the topics they create are listed there.
    testTopicsList();
    process.stderr.write(
      `\nAgainst real infrastructure: Apache Kafka ${infra.kafka.version} at ${infra.kafka.brokers}, PostgreSQL ${infra.postgres.version}\n`,
    );
  } catch (error) {
    // Jest would print a stack trace; the developer needs the one sentence that says what to fix.
    if (error instanceof InfraError) throw new Error(error.message);
    throw error;
  }
}
