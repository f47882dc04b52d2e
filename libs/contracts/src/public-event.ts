import type { TSchema } from 'typebox';

/** One public event type: its CloudEvents type, the topic it travels on and its data schema. */
export interface PublicEventDefinition<Schema extends TSchema = TSchema> {
  /** CloudEvents `type`, versioned: `vn.nhip.<context>.<entity>.<what-happened>.v<N>`. */
  readonly type: string;
  /** `public.<context>.<entity>.v<N>`: partners are granted read on `public.*` only. */
  readonly topic: string;
  /** The data field whose value is the Kafka key: what must stay in order. */
  readonly keyField: string;
  readonly summary: string;
  readonly schema: Schema;
}

export const publicEvent = <Schema extends TSchema>(
  definition: PublicEventDefinition<Schema>,
): PublicEventDefinition<Schema> => definition;

export const publicTopics = {
  registryUnit: 'public.registry.unit.v1',
  registryTeam: 'public.registry.team.v1',
  registryMember: 'public.registry.member.v1',
  activity: 'public.activity.activity.v1',
  campaign: 'public.activity.campaign.v1',
} as const;

/** CloudEvents `source` of everything the registry publishes. */
export const registrySource = '/nhip/registry';
export const activitySource = '/nhip/activity';
