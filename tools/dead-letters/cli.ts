// `npm run dead-letters`: what the consumers set aside on their dead-letter topics, and why.
// `npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--apply]` sends a group's
// letters back once its release takes them (docs/adr/0066). The broker is KAFKA_BROKERS, else the
// one `npm start` runs.
import { parseArgs } from 'node:util';
import {
  deadLetterTopics,
  readDeadLetters,
  redriveDeadLetters,
  summarizeDeadLetters,
} from '@nhip/event-sourcing';
import { createMessaging, type Messaging } from '@nhip/messaging';
import { describeFailure, InfraError } from '../infra/infra-error.ts';
import { kafkaStatus } from '../infra/kafka.ts';
import { log, withStep } from '../infra/progress.ts';
import { listingLines, planLines } from './report.ts';

const usage =
  'Usage: npm run dead-letters [-- --topic <topic>]\n' +
  '       npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--apply]';

function brokers(): string[] {
  const configured = process.env['KAFKA_BROKERS'];
  if (configured) return configured.split(',').map((b) => b.trim());
  const local = kafkaStatus();
  if (local.running) return [`127.0.0.1:${local.port}`];
  throw new InfraError('No broker: start the platform with "npm start", or export KAFKA_BROKERS=host:port.');
}

async function main(messaging: Messaging, argv: readonly string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { consumer: { type: 'string' }, topic: { type: 'string' }, apply: { type: 'boolean' } },
  });
  const command = positionals[0] ?? 'list';
  if (!['list', 'redrive'].includes(command) || (command === 'redrive' && !values.consumer))
    throw new InfraError(usage);
  const all = await deadLetterTopics(messaging);
  const wanted = values.topic ? `${values.topic.replace(/\.dlt$/, '')}.dlt` : undefined;
  const topics = wanted ? all.filter((t) => t === wanted) : all;
  if (wanted && topics.length === 0)
    throw new InfraError(
      `No dead-letter topic ${wanted}: the ones on the broker are ${all.join(', ') || 'none'}.`,
    );
  const read = await withStep(`Reading ${topics.length} dead-letter topic(s)`, () =>
    readDeadLetters(messaging, topics),
  );
  if (command === 'list') {
    for (const line of listingLines(topics, read, summarizeDeadLetters(read))) log(line);
    return;
  }
  const consumer = values.consumer ?? '';
  const consumers = [...new Set(read.letters.map((l) => l.consumer))].sort();
  if (!consumers.includes(consumer))
    throw new InfraError(
      `No dead letters of the consumer group "${consumer}"${wanted ? ` on ${wanted}` : ''}; ` +
        `groups with letters: ${consumers.join(', ') || 'none'}.`,
    );
  const selection = { consumer, topic: values.topic };
  const apply = values.apply === true;
  const plan = await redriveDeadLetters(messaging, read, selection, { apply });
  for (const line of planLines(selection, plan, apply)) log(line);
}

const messaging = (() => {
  try {
    return createMessaging({ brokers: brokers(), clientId: 'nhip-dead-letters' });
  } catch (error) {
    log(describeFailure(error));
    process.exit(1);
  }
})();
try {
  await main(messaging, process.argv.slice(2));
} catch (error) {
  log(describeFailure(error));
  process.exitCode = 1;
} finally {
  await messaging.close();
}
