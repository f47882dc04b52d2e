// `npm run dead-letters`: what the consumers set aside on their dead-letter topics, and why.
// `npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--reason <reason>] [--apply]`
// sends a group's letters back once its release takes them (docs/adr/0066). The broker is
// KAFKA_BROKERS, else the one `npm start` runs. The command itself is the one each consuming
// service's image ships for its own group (@nhip/event-sourcing, docs/adr/0071); a checkout sees
// every group.
import { checkoutScope, DeadLettersCommandError, runDeadLettersCommand } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, type KafkaConnection } from '@nhip/messaging';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { kafkaStatus } from '../infra/kafka.ts';
import { log, withStep } from '../infra/progress.ts';

const clientId = 'nhip-dead-letters';

/** KAFKA_BROKERS as every service reads it (a malformed one refused), else the local broker. */
function connection(): KafkaConnection {
  if (process.env['KAFKA_BROKERS']) return kafkaConnectionFromEnv(clientId);
  const local = kafkaStatus();
  if (local.running) return { brokers: [`127.0.0.1:${local.port}`], clientId };
  throw new InfraError('No broker: start the platform with "npm start", or export KAFKA_BROKERS=host:port.');
}

/** The command's refusals printed like every other tool's: the sentence, its detail when verbose. */
const asInfraError = (error: unknown): unknown =>
  error instanceof DeadLettersCommandError ? new InfraError(error.message, error.detail) : error;

const connected = (() => {
  try {
    const kafka = connection();
    return { messaging: createMessaging(kafka), brokers: kafka.brokers };
  } catch (error) {
    log(describeFailure(error));
    process.exit(1);
  }
})();
try {
  await runDeadLettersCommand(connected.messaging, checkoutScope(connected.brokers), process.argv.slice(2), {
    say: log,
    step: (title, work) => withStep(title, work),
  });
} catch (error) {
  log(describeFailure(asInfraError(error)));
  process.exitCode = 1;
} finally {
  await connected.messaging.close();
}
