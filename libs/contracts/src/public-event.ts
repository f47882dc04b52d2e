import type { Static, TObject } from 'typebox';

/** A top-level field of an event's data; the key and the subject must be one. */
type FieldOf<Schema extends TObject> = keyof Static<Schema> & string;

/** What a producer declares: everything else about the message follows from it. */
export interface PublicEventDeclaration<Schema extends TObject = TObject> {
  /** CloudEvents `type`, versioned: `vn.nhip.<context>.<entity>.<what-happened>.v<N>`. */
  readonly type: string;
  /** `public.<context>.<entity>.v<N>`: partners are granted read on `public.*` only. */
  readonly topic: string;
  /** The data field whose value is the Kafka key: what must stay in order. */
  readonly keyField: FieldOf<Schema>;
  /** The data field naming what the event is about (CloudEvents `subject`); the key when absent. */
  readonly subjectField?: FieldOf<Schema>;
  readonly summary: string;
  readonly schema: Schema;
}

/** One public event type: its declaration plus the CloudEvents `source` its topic implies. */
export interface PublicEventDefinition<
  Schema extends TObject = TObject,
> extends PublicEventDeclaration<Schema> {
  /** `/nhip/<context>`, from the topic: who publishes it. */
  readonly source: string;
}

/** The data of a public event, typed by its schema. */
export type PublicEventData<Definition extends PublicEventDefinition> = Static<Definition['schema']>;

export const publicEvent = <Schema extends TObject>(
  declaration: PublicEventDeclaration<Schema>,
): PublicEventDefinition<Schema> => ({ ...declaration, source: sourceOf(declaration.topic) });

function sourceOf(topic: string): string {
  const context = /^public\.([a-z]+)\./.exec(topic)?.[1];
  if (!context) throw new Error(`Topic ${topic} is not public.<context>.<entity>.v<N>.`);
  return `/nhip/${context}`;
}

/** The Kafka key and CloudEvents subject of one event's data, as its declaration says. */
export function keyAndSubject<Schema extends TObject>(
  definition: PublicEventDefinition<Schema>,
  data: Static<Schema>,
): { key: string; subject: string } {
  const fields = data as Record<string, unknown>;
  const key = String(fields[definition.keyField]);
  return { key, subject: String(fields[definition.subjectField ?? definition.keyField]) };
}

export const publicTopics = {
  registryUnit: 'public.registry.unit.v1',
  registryTeam: 'public.registry.team.v1',
  registryMember: 'public.registry.member.v1',
  activity: 'public.activity.activity.v1',
  campaign: 'public.activity.campaign.v1',
  trainingCourse: 'public.training.course.v1',
  trainingSession: 'public.training.session.v1',
  trainingAttendance: 'public.training.attendance.v1',
  kpiIndicator: 'public.kpi.indicator.v1',
  kpiStatisticRefusal: 'public.kpi.statistic-refusal.v1',
} as const;

/** CloudEvents `source` of everything the registry publishes. */
export const registrySource = '/nhip/registry';
export const activitySource = '/nhip/activity';
export const trainingSource = '/nhip/training';
