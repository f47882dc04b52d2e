// What the dead-letter command prints: the letters by source topic, consumer and reason, what a
// re-drive would do, and the next command to type, as typed where it runs (a checkout's
// `npm run dead-letters`, or a service image's `node apps/<service>/dist/dead-letters.js`). Pure, so
// its wording is tested.
import type { DeadLetterTopicRead } from '../dead-letter-record.ts';
import {
  redrivableReasons,
  type DeadLetterGroup,
  type RedrivePlan,
  type RedriveSelection,
} from '../redrive-plan.ts';

/** How the command is typed where it runs. */
export interface Invocation {
  /** The re-drive of a consumer's letters as typed, without --apply. */
  redrive(consumer: string): string;
  /** The one consumer group whose letters it shows, when it runs in that service's image. */
  readonly consumer?: string;
}

const plural = (n: number, one: string, many = `${one}s`): string =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
const minute = (iso: string): string => `${iso.slice(0, 19).replace('T', ' ')} UTC`;

export function listingLines(
  topics: readonly string[],
  read: DeadLetterTopicRead,
  groups: readonly DeadLetterGroup[],
  invocation: Invocation,
): string[] {
  if (topics.length === 0)
    return ['No dead-letter topic on the broker: no consumer has set a message aside.'];
  const waiting = groups.reduce((n, g) => n + g.waiting, 0);
  const lines = [
    `${plural(read.letters.length, 'dead letter')}${invocation.consumer ? ` of ${invocation.consumer}` : ''} ` +
      `on ${plural(topics.length, 'dead-letter topic')}` +
      (read.letters.length === 0 ? '.' : `, ${plural(waiting, 'letter')} waiting for a re-drive.`),
  ];
  if (read.foreign > 0)
    lines.push(`  ${plural(read.foreign, 'record')} there not written by a consumer (skipped).`);
  let heading = '';
  for (const group of groups) {
    const next = `${group.originalTopic} → ${group.consumer}`;
    if (next !== heading) lines.push('', `  ${next}`);
    heading = next;
    lines.push(...groupLines(group));
  }
  const consumers = [...new Set(groups.filter((g) => g.waiting > 0).map((g) => g.consumer))];
  if (consumers.length > 0) {
    lines.push('', '  Once the release of the consumer takes them, send its waiting letters back:');
    const commands = consumers.flatMap((consumer) => [
      [invocation.redrive(consumer), '(shows the plan)'],
      [`${invocation.redrive(consumer)} --apply`, '(sends them)'],
    ]);
    const width = Math.max(...commands.map(([command = '']) => command.length));
    lines.push(...commands.map(([command = '', what]) => `    ${command.padEnd(width)}   ${what}`));
  }
  return lines;
}

/** Under a service's listing: what other consumer groups set aside there, counted, not shown. */
export function otherConsumersLine(read: DeadLetterTopicRead, seen: DeadLetterTopicRead): string[] {
  const others = read.letters.filter((letter) => !seen.letters.includes(letter));
  if (others.length === 0) return [];
  const groups = [...new Set(others.map((letter) => letter.consumer))].sort();
  return [
    '',
    `  ${plural(others.length, 'letter')} of other consumer groups there (${groups.join(', ')}): ` +
      'each of those services lists its own.',
  ];
}

function groupLines(group: DeadLetterGroup): string[] {
  const state = redrivableReasons.has(group.reason)
    ? `${group.waiting.toLocaleString('en')} waiting, ${group.redriven.toLocaleString('en')} re-driven`
    : 'left on the topic (no release can read these bytes)';
  const types = group.types.map(([type, n]) => `${type} ×${n.toLocaleString('en')}`).join(', ');
  return [
    `    ${group.reason.padEnd(20)} ${plural(group.count, 'letter')}: ${state}; last set aside ${minute(group.lastFailedAt)}`,
    `      ${types}`,
    ...(group.again > 0 ? [`      ${plural(group.again, 'letter')} failed again after a re-drive`] : []),
    `      "${group.lastDetail}"`,
  ];
}

export function planLines(selection: RedriveSelection, plan: RedrivePlan, applied: boolean): string[] {
  const scope =
    (selection.topic ? ` on ${selection.topic.replace(/\.dlt$/, '')}` : '') +
    (selection.reason ? `, set aside as ${selection.reason}` : '');
  return [
    `Re-drive for ${selection.consumer}${scope}: ${plural(plan.send.length, 'letter')} to send back.`,
    ...sentByTopic(plan),
    ...(plan.left.length > 0
      ? [`  ${plural(plan.left.length, 'letter')} left on the topic: no release can read their bytes.`]
      : []),
    outcome(selection, plan, applied),
  ];
}

function sentByTopic(plan: RedrivePlan): string[] {
  const byTopic = new Map<string, Map<string, number>>();
  for (const letter of plan.send) {
    const types = byTopic.get(letter.originalTopic) ?? new Map<string, number>();
    const type = letter.eventType ?? '(none)';
    byTopic.set(letter.originalTopic, types.set(type, (types.get(type) ?? 0) + 1));
  }
  return [...byTopic].map(
    ([topic, types]) =>
      `  ${topic}: ${[...types].map(([type, n]) => `${type} ×${n.toLocaleString('en')}`).join(', ')}`,
  );
}

function outcome(selection: RedriveSelection, plan: RedrivePlan, applied: boolean): string {
  if (plan.send.length === 0) return 'Nothing to send.';
  if (!applied) return 'Nothing sent: add --apply to send them.';
  return (
    `✔ Sent back and marked re-driven. ${selection.consumer} applies them as it reaches them; the groups that ` +
    'applied them before skip them by their ce_id.'
  );
}
