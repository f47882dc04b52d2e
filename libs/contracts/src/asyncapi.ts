// The AsyncAPI 3 document partners read, built from the same schemas producers validate against,
// so the published contract cannot drift from the code. `npm run contracts:asyncapi` writes it to
// libs/contracts/asyncapi.json; a test fails when the committed file is stale.
import { publicEventCatalog } from './catalog.ts';
import { statisticIds, statisticNames, StatisticReportedV1 } from './kpi/partner-statistics.ts';
import { StatisticRefusedV1 } from './kpi/statistic-refused.ts';
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

// What a partner sends: the headers the KPI service's consumer needs (it reads no ce_time: the
// statistic's asOf says when), the body's schema, and what becomes of a message it cannot take.
const partnerStatisticMessage = {
  name: StatisticReportedV1.type,
  title: StatisticReportedV1.type,
  summary:
    'A statistic of a unit (population aged 15+, households, procedures offered, …), sent by a partner.',
  description: [
    `\`statistic\` is one of: ${statisticIds.map((id) => `\`${id}\` (${statisticNames[id].en})`).join(', ')}; GET /catalog of the KPI service lists them with their Vietnamese names.`,
    'A later message for the same unit, statistic and `asOf` replaces the earlier one; the latest `asOf` up to a period’s end is the one its indicators use.',
    `A message the KPI service cannot take (no \`ce_id\` or \`ce_type\`, a body that breaks the schema, an unknown statistic, a unit in no tree) goes to \`${StatisticReportedV1.topic}.dlt\` with its original bytes (a body over 1 MiB is left out, its size in \`dlt_body_omitted_bytes\`) and the reason in the \`dlt_reason\` and \`dlt_detail\` headers. The sender reads why on \`${StatisticRefusedV1.topic}\` (\`${StatisticRefusedV1.type}\`, keyed by its \`ce_source\`): its \`ce_id\`, the reason and the message's place.`,
  ].join('\n\n'),
  contentType: 'application/json',
  headers: {
    type: 'object',
    required: ['ce_id', 'ce_type'],
    properties: {
      ce_specversion: { const: '1.0' },
      ce_id: {
        type: 'string',
        description:
          'Unique per message; the KPI service takes a message once whatever number of times it comes.',
      },
      ce_type: { const: StatisticReportedV1.type },
      ce_source: { type: 'string', description: 'The sending system, e.g. /partners/cuc-thong-ke-dak-lak.' },
      'content-type': { const: 'application/json' },
    },
  },
  payload: plain(StatisticReportedV1.schema),
  examples: [
    {
      name: 'population-hoa-phu',
      summary:
        'An illustrative figure: residents aged 15 and over in Xã Hòa Phú (Đắk Lắk), as a statistics office would send it',
      headers: {
        ce_specversion: '1.0',
        ce_id: 'c0a80101-5c4e-4a8e-9b1f-2f0e6a7d3b11',
        ce_type: StatisticReportedV1.type,
        ce_source: '/partners/cuc-thong-ke-dak-lak',
        'content-type': 'application/json',
      },
      payload: {
        unitCode: '24175',
        statistic: 'population_15_plus',
        value: 15_750,
        asOf: '2026-06-30',
        source: 'Cục Thống kê tỉnh Đắk Lắk, niên giám 2026',
      },
    },
  ],
  bindings: {
    kafka: { key: { type: 'string', description: 'The unitCode.' }, bindingVersion: '0.5.0' },
  },
};

/** The inbound channel: partners send on it, the KPI service reads it. */
function partnerChannels(channels: Record<string, unknown>, operations: Record<string, unknown>) {
  channels['partnerStatistics'] = {
    address: StatisticReportedV1.topic,
    description: 'Inbound: partners send statistics here; the KPI service reads them.',
    messages: { partnerStatisticReported: { $ref: '#/components/messages/partnerStatisticReported' } },
  };
  operations['sendPartnerStatistics'] = {
    action: 'send',
    channel: { $ref: '#/channels/partnerStatistics' },
    messages: [{ $ref: '#/channels/partnerStatistics/messages/partnerStatisticReported' }],
  };
}

const labels = (title: string, table: Record<string, string>): string =>
  `${title}: ${Object.entries(table)
    .map(([code, label]) => `\`${code}\` (${label})`)
    .join(', ')}.`;

const description = [
  'Public events of Nhịp, the platform that gives operations centers a live view of community digital technology teams.',
  'Every message is a CloudEvents 1.0 event in Kafka binary mode: attributes in `ce_*` headers, data as a JSON body.',
  'Delivery is at least once: de-duplicate on `ce_id`. A message an operator sends back from a dead-letter topic comes again with its `ce_id` and a `nhip_redriven_from` header. Within a major version fields are only added, so ignore fields you do not know.',
  'Partners receive on `public.*` and send statistics on `partner.statistics.v1` (the one channel a partner writes to).',
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
  partnerChannels(channels, operations);
  messages['partnerStatisticReported'] = partnerStatisticMessage;
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
