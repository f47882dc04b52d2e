// The projection's live stream: Server-Sent Events, which OpenAPI 3.0 describes only as text. The
// stream's description says what each frame is, and `x-frames` points at the schema of each kind's
// `data:` (JSON), so a client generated from the document can type what it parses from a frame.
import { IndicatorChangedV1 } from '../kpi/indicator-events.ts';
import { closed, ref, text, type OpenApiSchema } from './openapi-schema.ts';
import { openApiOf } from './public-event-answers.ts';

const changed = openApiOf(IndicatorChangedV1.schema) as { properties: object; required: readonly string[] };

/** A change frame's data: the KPI service's public event as the projection received it, named. */
export const streamChange: OpenApiSchema = {
  ...changed,
  properties: {
    ...changed.properties,
    unitName: { type: 'string', description: 'The unit’s name in its tree.' },
  },
  required: [...changed.required, 'unitName'],
  additionalProperties: false,
};

export const streamReset = closed({
  reason: {
    type: 'string',
    enum: ['beyond-retention', 'unknown-event-id'],
    description: 'Last-Event-ID is older than the retention window, or names no change logged.',
  },
});

export const streamEnd = closed(
  {
    reason: {
      type: 'string',
      example: 'token-expired',
      description: 'token-expired, too-slow, shutting-down, or the problem type that stopped it opening.',
    },
    detail: { ...text, description: 'A sentence for a person, when there is one.' },
  },
  ['reason'],
);

export const liveStream: OpenApiSchema = {
  type: 'string',
  description: [
    'Server-Sent Events (text/event-stream), each frame’s `data:` one line of JSON:',
    '`event: snapshot` (with an `id:`): the scope’s summary (UnitSummary), first, and again after a reset;',
    '`event: change` (with an `id:`): one indicator of one unit in the scope changed (StreamChange);',
    '`event: reset`: what was missed cannot be replayed, a fresh snapshot follows (StreamReset);',
    '`event: end`: the server closes the stream, and why (StreamEnd);',
    '`: hb`: a comment every 15 s while nothing else is sent.',
    'Reconnect with `Last-Event-ID` to be sent exactly what was missed.',
  ].join(' '),
  'x-frames': {
    snapshot: ref('UnitSummary'),
    change: ref('StreamChange'),
    reset: ref('StreamReset'),
    end: ref('StreamEnd'),
  },
};
