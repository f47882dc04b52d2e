// The AsyncAPI 3 document partners read, built from the same schemas producers validate against,
// so the published contract cannot drift from the code. `npm run contracts:asyncapi` writes it to
// libs/contracts/asyncapi.json; a test fails when the committed file is stale.
import { publicEventCatalog } from './catalog.ts';
import type { PublicEventDefinition } from './public-event.ts';
import { activityKinds } from './activity/vocabulary.ts';
import { affiliations, memberRoles, teamTypes } from './registry/vocabulary.ts';
import { sessionModes, trainingTopics } from './training/vocabulary.ts';

const camel = (dotted: string): string =>
  dotted
    .split(/[.-]/)
    .filter((part) => part !== 'vn' && part !== 'nhip' && part !== 'public')
    .map((part, i) => (i === 0 ? part : part.charAt(0).toUpperCase() + part.slice(1)))
    .join('');

/** TypeBox schemas are JSON Schema plus symbol-keyed bookkeeping; JSON keeps only the former. */
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

const cloudEventHeaders = {
  type: 'object',
  required: ['ce_specversion', 'ce_id', 'ce_type', 'ce_source', 'ce_time', 'content-type'],
  properties: {
    ce_specversion: { const: '1.0' },
    ce_id: {
      type: 'string',
      description: 'Unique per event; de-duplicate on it (delivery is at least once).',
    },
    ce_type: { type: 'string', description: 'The event type, e.g. vn.nhip.registry.team.registered.v1.' },
    ce_source: { type: 'string', description: 'The producing service, e.g. /nhip/registry.' },
    ce_time: { type: 'string', format: 'date-time', description: 'When it happened.' },
    ce_subject: { type: 'string' },
    'content-type': { const: 'application/json' },
    traceparent: { type: 'string', description: 'W3C trace context of the request that caused it.' },
  },
};

function message(definition: PublicEventDefinition): Record<string, unknown> {
  return {
    name: definition.type,
    title: definition.type,
    summary: definition.summary,
    contentType: 'application/json',
    headers: cloudEventHeaders,
    payload: plain(definition.schema),
    bindings: {
      kafka: {
        key: { type: 'string', description: `The event's ${definition.keyField}.` },
        bindingVersion: '0.5.0',
      },
    },
  };
}

const labels = (title: string, table: Record<string, string>): string =>
  `${title}: ${Object.entries(table)
    .map(([code, label]) => `\`${code}\` (${label})`)
    .join(', ')}.`;

const description = [
  'Public events of Nhịp, the platform that gives operations centers a live view of community digital technology teams.',
  'Every message is a CloudEvents 1.0 event in Kafka binary mode: attributes in `ce_*` headers, data as a JSON body.',
  'Delivery is at least once: de-duplicate on `ce_id`. Within a major version fields are only added, so ignore fields you do not know.',
  'No personal data travels here: members are pseudonymous ids.',
  labels('Team types', teamTypes),
  labels('Roles', memberRoles),
  labels('Affiliations', affiliations),
  labels('Activity kinds', activityKinds),
  labels('Training topics', trainingTopics),
  labels('Session modes', sessionModes),
].join('\n\n');

export function asyncApiDocument(): Record<string, unknown> {
  const topics = [...new Set(publicEventCatalog.map((d) => d.topic))];
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  const messages: Record<string, unknown> = {};
  for (const topic of topics) {
    const definitions = publicEventCatalog.filter((d) => d.topic === topic);
    const channel = camel(topic);
    const refs = Object.fromEntries(
      definitions.map((d) => [camel(d.type), { $ref: `#/components/messages/${camel(d.type)}` }]),
    );
    for (const d of definitions) messages[camel(d.type)] = message(d);
    channels[channel] = { address: topic, messages: refs };
    operations[`receive${channel.charAt(0).toUpperCase()}${channel.slice(1)}`] = {
      action: 'receive',
      channel: { $ref: `#/channels/${channel}` },
      messages: Object.keys(refs).map((name) => ({ $ref: `#/channels/${channel}/messages/${name}` })),
    };
  }
  return {
    asyncapi: '3.0.0',
    info: { title: 'Nhịp public events', version: '1.0.0', description },
    defaultContentType: 'application/json',
    servers: {
      local: {
        host: 'localhost:29092',
        protocol: 'kafka',
        description: 'The broker `npm start` runs; partners get their own address and read on `public.*`.',
      },
    },
    channels,
    operations,
    components: { messages },
  };
}
