// `npm run dead-letters`: what the consumers set aside on their dead-letter topics, and why.
// `npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--reason <reason>] [--apply]`
// sends a group's letters back once its release takes them (docs/adr/0066). The broker is KAFKA_BROKERS, else the
// one `npm start` runs.
import { parseArgs } from 'node:util';
import {
  type DeadLetterTopicRead,
  deadLetterTopics,
  readDeadLetters,
  redrivableReasons,
  redriveDeadLetters,
  summarizeDeadLetters,
} from '@nhip/event-sourcing';
import {
  createMessaging,
  kafkaConnectionFromEnv,
  type KafkaConnection,
  type Messaging,
} from '@nhip/messaging';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { kafkaStatus } from '../infra/kafka.ts';
import { log, withStep } from '../infra/progress.ts';
import { listingLines, planLines } from './report.ts';

const usage =
  'Usage: npm run dead-letters [-- --topic <topic>]\n' +
  '       npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--reason <reason>] [--apply]';

const clientId = 'nhip-dead-letters';

/** KAFKA_BROKERS as every service reads it (a malformed one refused), else the local broker. */
function connection(): KafkaConnection {
  if (process.env['KAFKA_BROKERS']) return kafkaConnectionFromEnv(clientId);
  const local = kafkaStatus();
  if (local.running) return { brokers: [`127.0.0.1:${local.port}`], clientId };
  throw new InfraError('No broker: start the platform with "npm start", or export KAFKA_BROKERS=host:port.');
}

interface Command {
  readonly name: 'list' | 'redrive';
  readonly consumer: string;
  readonly topic: string | undefined;
  readonly reason: string | undefined;
  readonly apply: boolean;
}

function parseCommand(argv: readonly string[]): Command {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      consumer: { type: 'string' },
      topic: { type: 'string' },
      reason: { type: 'string' },
      apply: { type: 'boolean' },
    },
  });
  const name = positionals[0] ?? 'list';
  const { topic, reason } = values;
  if (name === 'list') return { name, consumer: '', topic, reason: undefined, apply: false };
  if (name !== 'redrive' || !values.consumer) throw new InfraError(usage);
  if (reason !== undefined && !redrivableReasons.has(reason))
    throw new InfraError(
      `--reason ${reason} is not one a re-drive takes: ${[...redrivableReasons].join(', ')}. ` +
        'Letters set aside for the other reasons stay on the topic: no release can read their bytes.',
    );
  return { name, consumer: values.consumer, topic, reason, apply: values.apply === true };
}

/** Every dead-letter topic, or the one asked for (named by its source topic or itself). */
async function chosenTopics(
  messaging: Messaging,
  brokers: readonly string[],
  topic: string | undefined,
): Promise<string[]> {
  const all = await deadLetterTopics(messaging).catch((error: unknown) => {
    throw new InfraError(
      `The broker at ${brokers.join(',')} did not answer: is the platform up ("npm start")?`,
      String(error),
    );
  });
  if (topic === undefined) return all;
  const wanted = `${topic.replace(/\.dlt$/, '')}.dlt`;
  if (!all.includes(wanted))
    throw new InfraError(
      `No dead-letter topic ${wanted}: the ones on the broker are ${all.join(', ') || 'none'}.`,
    );
  return [wanted];
}

async function redrive(messaging: Messaging, command: Command, read: DeadLetterTopicRead): Promise<void> {
  const consumers = [...new Set(read.letters.map((l) => l.consumer))].sort();
  if (!consumers.includes(command.consumer))
    throw new InfraError(
      `No dead letters of the consumer group "${command.consumer}"` +
        `${command.topic ? ` on ${command.topic.replace(/\.dlt$/, '')}.dlt` : ''}; ` +
        `groups with letters: ${consumers.join(', ') || 'none'}.`,
    );
  const selection = { consumer: command.consumer, topic: command.topic, reason: command.reason };
  const plan = await redriveDeadLetters(messaging, read, selection, { apply: command.apply });
  for (const line of planLines(selection, plan, command.apply)) log(line);
}

async function main(
  messaging: Messaging,
  brokers: readonly string[],
  argv: readonly string[],
): Promise<void> {
  const command = parseCommand(argv);
  const topics = await chosenTopics(messaging, brokers, command.topic);
  const read = await withStep(`Reading ${topics.length} dead-letter topic(s)`, () =>
    readDeadLetters(messaging, topics),
  );
  if (command.name === 'redrive') return redrive(messaging, command, read);
  for (const line of listingLines(topics, read, summarizeDeadLetters(read))) log(line);
}

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
  await main(connected.messaging, connected.brokers, process.argv.slice(2));
} catch (error) {
  log(describeFailure(error));
  process.exitCode = 1;
} finally {
  await connected.messaging.close();
}
