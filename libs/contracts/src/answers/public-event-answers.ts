// Writes that answer with the event they recorded: the answer's schema is the public event's own,
// the one partners read on the topic, said in OpenAPI 3.0's words. TypeBox writes JSON Schema,
// where "or null" is `anyOf: [X, {type: 'null'}]` and a fixed value `const`; OpenAPI 3.0 has
// neither, and says `nullable: true` and `enum: [value]`.
import { ActivityCorrectedV1, ActivityLoggedV1, ActivityVoidedV1 } from '../activity/activity-events.ts';
import { CourseDefinedV1, SessionPlannedV1 } from '../training/training-events.ts';
import { closed, list, ref, type OpenApiSchema } from './openapi-schema.ts';

const isNull = (schema: unknown) => (schema as { type?: unknown }).type === 'null';

/** "One of these, or null" as OpenAPI 3.0 says it: the one option itself, made nullable. */
function withoutNull(anyOf: readonly unknown[]): Record<string, unknown> {
  const options = anyOf.filter((option) => !isNull(option)).map(openApiOf) as object[];
  const nullable = options.length < anyOf.length ? { nullable: true } : {};
  const [only] = options;
  return options.length === 1 && only ? { ...only, ...nullable } : { anyOf: options, ...nullable };
}

/** A JSON Schema (symbols and all, as TypeBox builds it) as the same schema in OpenAPI 3.0. */
export function openApiOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiOf);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { anyOf, const: fixed, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, openApiOf(value)]));
  if (fixed !== undefined) converted['enum'] = [fixed];
  return Array.isArray(anyOf) ? { ...converted, ...withoutNull(anyOf) } : converted;
}

const eventSchema = (definition: { readonly schema: unknown }) =>
  openApiOf(definition.schema) as OpenApiSchema;

export const activityLogged = eventSchema(ActivityLoggedV1);
export const activityCorrected = eventSchema(ActivityCorrectedV1);
export const activityVoided = eventSchema(ActivityVoidedV1);
export const sessionPlanned = eventSchema(SessionPlannedV1);
export const courseDefined = eventSchema(CourseDefinedV1);

const activityEvent = (type: string, data: string) =>
  closed({ type: { type: 'string', enum: [type] }, data: ref(data) });

/** What a correction or a void answers: the events it caused, none for a correction that changes nothing. */
export const activityEvents = list({
  anyOf: [
    activityEvent('ActivityLogged', 'ActivityLogged'),
    activityEvent('ActivityCorrected', 'ActivityCorrected'),
    activityEvent('ActivityVoided', 'ActivityVoided'),
  ],
});
