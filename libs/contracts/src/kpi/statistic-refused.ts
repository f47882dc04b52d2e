// The answer a partner gets for a statistic the KPI service did not take. A partner sends on
// partner.statistics.v1 and reads only public.* topics, so the dead-letter topic, where the
// message goes with the reason, is out of its sight: without this it would never learn what to fix.
import Type from 'typebox';
import { publicEvent, publicTopics } from '../public-event.ts';
import { oneOf } from '../registry/schema-parts.ts';

/** Every reason a refusal may give: `refused` for the statistic, the others for the message. */
export const statisticRefusalReasons = [
  'refused',
  'malformed_json',
  'missing_ce_id',
  'missing_ce_type',
  'unsupported_specversion',
  'unknown_event_type',
  'oversized',
] as const;

export const StatisticRefusedV1 = publicEvent({
  type: 'vn.nhip.kpi.statistic.refused.v1',
  topic: publicTopics.kpiStatisticRefusal,
  // Keyed by the sender: one partner's refusals arrive in the order they were made.
  keyField: 'partnerSource',
  subjectField: 'statisticEventId',
  summary:
    'A statistic sent on partner.statistics.v1 was not taken: which message (its ce_id and its place on the topic), why, and what to fix. Nothing of it was stored; send it again corrected, with a new ce_id.',
  schema: Type.Object({
    statisticEventId: Type.String({ description: 'The ce_id it was sent with; empty when it had none.' }),
    partnerSource: Type.String({
      minLength: 1,
      description: 'The ce_source it was sent with ("unknown" when it had none): a partner reads its own.',
    }),
    reason: oneOf(
      statisticRefusalReasons,
      '`refused`: the statistic breaks its schema, names a statistic GET /catalog does not list, a day that is not one, or a unit in no tree (the detail says which). The others: the message itself (not UTF-8 JSON, a missing CloudEvents header, over 1 MiB).',
    ),
    detail: Type.String({ maxLength: 1000, description: 'The reason in words, naming the field.' }),
    partition: Type.Integer({ minimum: 0, description: 'Where it was on partner.statistics.v1.' }),
    offset: Type.String({ pattern: '^[0-9]+$' }),
    refusedAt: Type.String({ format: 'date-time' }),
  }),
});

export type StatisticRefusedData = Type.Static<typeof StatisticRefusedV1.schema>;
