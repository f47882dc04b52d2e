// The dead-letter command: list what consumers set aside, or send a group's waiting letters back
// (docs/adr/0066). One command for two places: a checkout's `npm run dead-letters` sees every
// consumer group, and a consuming service's image (`node apps/<service>/dist/dead-letters.js`,
// docs/adr/0071) sees and re-drives its own group only, as its team would on call.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import type { Messaging } from '@nhip/messaging';
import { readDeadLetters, redriveDeadLetters, deadLetterTopics } from '../redrive.ts';
import { redrivableReasons, summarizeDeadLetters } from '../redrive-plan.ts';
import type { DeadLetterTopicRead } from '../dead-letter-record.ts';
import { listingLines, otherConsumersLine, planLines, type Invocation } from './report.ts';

/** A refusal the person typing can act on; `detail` is what the broker said, when it did. */
export class DeadLettersCommandError extends Error {
  override readonly name = 'DeadLettersCommandError';
  readonly detail: string | undefined;

  constructor(message: string, detail?: string) {
    super(message);
    this.detail = detail;
  }
}

export interface DeadLettersIo {
  say(line: string): void;
  step<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** Where the command runs: which letters it sees, and how its next commands are typed there. */
export interface DeadLettersScope extends Invocation {
  readonly usage: string;
  readonly brokers: readonly string[];
  /** A service's own consumer group (prefixed as it runs): it sees and re-drives that one only. */
  readonly consumer?: string;
  /** The deployment's NHIP_TOPIC_PREFIX: only its dead-letter topics are read. */
  readonly topicPrefix?: string;
}

export function checkoutScope(brokers: readonly string[]): DeadLettersScope {
  return {
    brokers,
    usage:
      'Usage: npm run dead-letters [-- --topic <topic>]\n' +
      '       npm run dead-letters -- redrive --consumer <group> [--topic <topic>] [--reason <reason>] [--apply]',
    redrive: (consumer) => `npm run dead-letters -- redrive --consumer ${consumer}`,
  };
}

export function serviceScope(
  service: string,
  consumer: string,
  topicPrefix: string,
  brokers: readonly string[],
): DeadLettersScope {
  const typed = `node apps/${service}/dist/dead-letters.js`;
  return {
    brokers,
    consumer: `${topicPrefix}${consumer}`,
    topicPrefix,
    usage:
      `Usage: ${typed} [--topic <topic>]   (the letters ${topicPrefix}${consumer} set aside)\n` +
      `       ${typed} redrive [--topic <topic>] [--reason <reason>] [--apply]`,
    redrive: () => `${typed} redrive`,
  };
}

interface Command {
  readonly name: 'list' | 'redrive';
  readonly consumer: string | undefined;
  readonly topic: string | undefined;
  readonly reason: string | undefined;
  readonly apply: boolean;
}

function parse(argv: readonly string[], scope: DeadLettersScope): ReturnType<typeof parseArgs> {
  const options: ParseArgsOptionsConfig = {
    topic: { type: 'string' },
    reason: { type: 'string' },
    apply: { type: 'boolean' },
  };
  // A service re-drives its own group: naming another is an unknown option there.
  if (scope.consumer === undefined) options['consumer'] = { type: 'string' };
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, options });
  } catch (error) {
    throw new DeadLettersCommandError(`${(error as Error).message}\n${scope.usage}`);
  }
}

export function parseDeadLettersCommand(argv: readonly string[], scope: DeadLettersScope): Command {
  const { values, positionals } = parse(argv, scope);
  const name = positionals[0] ?? 'list';
  const [topic, reason, named] = [values['topic'], values['reason'], values['consumer']].map((v) =>
    typeof v === 'string' ? v : undefined,
  );
  const consumer = scope.consumer ?? named;
  if (name === 'list') return { name, consumer, topic, reason: undefined, apply: false };
  if (name !== 'redrive' || consumer === undefined) throw new DeadLettersCommandError(scope.usage);
  if (reason !== undefined && !redrivableReasons.has(reason))
    throw new DeadLettersCommandError(
      `--reason ${reason} is not one a re-drive takes: ${[...redrivableReasons].join(', ')}. ` +
        'Letters set aside for the other reasons stay on the topic: no release can read their bytes.',
    );
  return { name, consumer, topic, reason, apply: values['apply'] === true };
}

/** Every dead-letter topic of the deployment, or the one asked for (named by its source topic or itself). */
async function chosenTopics(
  messaging: Messaging,
  scope: DeadLettersScope,
  topic?: string,
): Promise<string[]> {
  const all = await deadLetterTopics(messaging).catch((error: unknown) => {
    throw new DeadLettersCommandError(
      `The broker at ${scope.brokers.join(',')} did not answer: is the platform up?`,
      String(error),
    );
  });
  const own = all.filter((t) => t.startsWith(scope.topicPrefix ?? ''));
  if (topic === undefined) return own;
  const wanted = `${topic.replace(/\.dlt$/, '')}.dlt`;
  if (!own.includes(wanted))
    throw new DeadLettersCommandError(
      `No dead-letter topic ${wanted}: the ones on the broker are ${own.join(', ') || 'none'}.`,
    );
  return [wanted];
}

/** The letters the scope sees; a service's command counts the rest without showing them. */
function seenFrom(scope: DeadLettersScope, read: DeadLetterTopicRead): DeadLetterTopicRead {
  if (scope.consumer === undefined) return read;
  return { ...read, letters: read.letters.filter((l) => l.consumer === scope.consumer) };
}

async function redrive(
  messaging: Messaging,
  scope: DeadLettersScope,
  command: Command & { consumer: string },
  read: DeadLetterTopicRead,
): Promise<string[]> {
  const consumers = [...new Set(read.letters.map((l) => l.consumer))].sort();
  // A service that set nothing aside is told so by its plan; a group typed wrong in a checkout is not.
  if (scope.consumer === undefined && !consumers.includes(command.consumer))
    throw new DeadLettersCommandError(
      `No dead letters of the consumer group "${command.consumer}"` +
        `${command.topic ? ` on ${command.topic.replace(/\.dlt$/, '')}.dlt` : ''}; ` +
        `groups with letters: ${consumers.join(', ') || 'none'}.`,
    );
  const selection = { consumer: command.consumer, topic: command.topic, reason: command.reason };
  const plan = await redriveDeadLetters(messaging, read, selection, { apply: command.apply });
  return planLines(selection, plan, command.apply);
}

export async function runDeadLettersCommand(
  messaging: Messaging,
  scope: DeadLettersScope,
  argv: readonly string[],
  io: DeadLettersIo,
): Promise<void> {
  const command = parseDeadLettersCommand(argv, scope);
  const topics = await chosenTopics(messaging, scope, command.topic);
  const read = await io.step(`Reading ${topics.length} dead-letter topic(s)`, () =>
    readDeadLetters(messaging, topics),
  );
  const seen = seenFrom(scope, read);
  const lines =
    command.name === 'redrive' && command.consumer !== undefined
      ? await redrive(messaging, scope, { ...command, consumer: command.consumer }, read)
      : [...listingLines(topics, seen, summarizeDeadLetters(seen), scope), ...otherConsumersLine(read, seen)];
  for (const line of lines) io.say(line);
}
