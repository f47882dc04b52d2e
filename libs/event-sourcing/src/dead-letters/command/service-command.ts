// The dead-letter command as a consuming service's image ships it (docs/adr/0071): each service's
// `src/dead-letters.ts` calls this with its consumer group, and its team runs
// `node apps/<service>/dist/dead-letters.js` where the service runs, with the service's own
// KAFKA_BROKERS and NHIP_TOPIC_PREFIX; no checkout, no npm.
import { createMessaging, kafkaConnectionFromEnv, type Messaging, topicPrefixFromEnv } from '@nhip/messaging';
import { DeadLettersCommandError, runDeadLettersCommand, serviceScope } from './command.ts';

// A person typed it and reads its answer on the terminal: sentences, not the service's JSON log lines.
// eslint-disable-next-line no-restricted-properties -- the one place a shipped command talks to a person
const say = (line: string): void => void process.stdout.write(`${line}\n`);

async function step<T>(title: string, work: () => Promise<T>): Promise<T> {
  say(`${title} …`);
  return work();
}

function failure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const detail = error instanceof DeadLettersCommandError && error.detail ? `\n  ${error.detail}` : '';
  return `✖ ${message}${detail}`;
}

export async function runServiceDeadLetters(
  service: string,
  consumer: string,
  argv: readonly string[] = process.argv.slice(2),
): Promise<void> {
  let messaging: Messaging | undefined;
  try {
    const kafka = kafkaConnectionFromEnv(`nhip-${service}-dead-letters`);
    const scope = serviceScope(service, consumer, topicPrefixFromEnv(), kafka.brokers);
    messaging = createMessaging(kafka);
    await runDeadLettersCommand(messaging, scope, argv, { say, step });
  } catch (error) {
    say(failure(error));
    process.exitCode = 1;
  } finally {
    await messaging?.close();
  }
}
