// Writes that answer with the event they recorded: the answer's schema is the public event's own,
// the one partners read on the topic, said in OpenAPI 3.0's words. TypeBox writes JSON Schema,
// where "or null" is `anyOf: [X, {type: 'null'}]` and a fixed value `const`; OpenAPI 3.0 has
// neither, and says `nullable: true` and `enum: [value]`.
import { ActivityCorrectedV1, ActivityLoggedV1, ActivityVoidedV1 } from '../activity/activity-events.ts';
import { CourseDefinedV1, SessionPlannedV1 } from '../training/training-events.ts';
import { closed, list, ref, type OpenApiSchema } from './openapi-schema.ts';

const isNull = (schema: unknown) => (schema as { type?: unknown }).type === 'null';

/**
 * "This, or null" as OpenAPI 3.0 says it: a typed schema made `nullable` (which needs its `type`),
 * an enumeration with null among its values (several fixed values make one). Anything else (two
 * schemas besides null, a `$ref`) has no 3.0 form that validators read alike, and is refused here
 * rather than written wrongly.
 */
function orNull(anyOf: readonly unknown[]): Record<string, unknown> {
  const options = anyOf.filter((option) => !isNull(option)).map(openApiOf) as Record<string, unknown>[];
  const [only] = options;
  if (options.length === anyOf.length) return { anyOf: options };
  if (options.length > 1 && options.every((option) => Array.isArray(option['enum']))) return oneEnum(options);
  if (options.length !== 1 || !only)
    throw new Error('openApiOf: only one schema besides null can be made nullable');
  if (Array.isArray(only['enum'])) return { ...only, enum: [...(only['enum'] as unknown[]), null] };
  if (only['type'] === undefined)
    throw new Error('openApiOf: a schema without a type cannot be nullable in 3.0');
  return { ...only, nullable: true };
}

/** Fixed values or null (a reason, or none): one enumeration, typed, with null among its values. */
function oneEnum(options: readonly Record<string, unknown>[]): Record<string, unknown> {
  const values = options.flatMap((option) => option['enum'] as unknown[]);
  const types = new Set(values.map((value) => typeof value));
  if (types.size !== 1) throw new Error('openApiOf: fixed values of several types cannot be one enumeration');
  return { type: [...types][0], enum: [...values, null], nullable: true };
}

/** Each of a `properties` map's schemas converted; its keys are names, never keywords. */
const convertedProperties = (properties: unknown) =>
  Object.fromEntries(Object.entries(properties as object).map(([name, schema]) => [name, openApiOf(schema)]));

/** A JSON Schema (symbols and all, as TypeBox builds it) as the same schema in OpenAPI 3.0. */
export function openApiOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(openApiOf);
  if (typeof schema !== 'object' || schema === null) return schema;
  const { anyOf, const: fixed, properties, ...rest } = schema as Record<string, unknown>;
  const converted = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, openApiOf(value)]));
  if (properties !== undefined) converted['properties'] = convertedProperties(properties);
  if (fixed !== undefined) converted['enum'] = [fixed];
  // The outer schema's own words (a description) over the option's.
  return Array.isArray(anyOf) ? { ...orNull(anyOf), ...converted } : converted;
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
