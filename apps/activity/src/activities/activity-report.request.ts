// The shape of one report, as JSON: the single endpoint's body and every NDJSON line. One
// compiled schema judges both, and OpenAPI shows the same schema.
import { activityKinds, maxResidentsPerActivity, unitCodePattern, type ActivityKind } from '@nhip/contracts';
import Type from 'typebox';
import { chosenIdRule, fieldWithin, isNilOrMaxUuid } from '@nhip/service-http';
import { Compile } from 'typebox/compile';
import type { ActivityReport } from './activity.ts';

const uuid = Type.String({ format: 'uuid' });

export const ActivityReportSchema = Type.Object(
  {
    activityId: Type.String({
      format: 'uuid',
      description:
        'Chosen by the client (any UUID but the nil and max ones); a retry with the same id is recorded once.',
    }),
    teamId: uuid,
    memberId: Type.Optional(Type.Union([uuid, Type.Null()])),
    placeCode: Type.String({
      pattern: unitCodePattern.source,
      description: 'The village (24175-003) or commune (24175) where it happened.',
    }),
    kind: Type.Enum(Object.keys(activityKinds) as ActivityKind[], { description: 'What was done.' }),
    residentsHelped: Type.Integer({ minimum: 1, maximum: maxResidentsPerActivity }),
    occurredAt: Type.String({
      format: 'date-time',
      description: 'When it happened, with its offset: 2026-11-20T19:30:00+07:00.',
    }),
    campaignId: Type.Optional(Type.Union([uuid, Type.Null()])),
  },
  { additionalProperties: false },
);

const validator = Compile(ActivityReportSchema);

export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

export type ShapeCheck = { ok: true; report: ActivityReport } | { ok: false; problems: FieldProblem[] };

/** Judges a parsed JSON value; problems name the field as a client wrote it (`residentsHelped`). */
export function reportFromJson(value: unknown): ShapeCheck {
  if (!validator.Check(value)) return { ok: false, problems: shapeProblems(value) };
  // The report's id is the client's choice: nil or max would be every careless client's.
  if (isNilOrMaxUuid(value.activityId))
    return { ok: false, problems: [{ field: 'activityId', reason: chosenIdRule }] };
  // Ids compare in lower case: a client's upper-case UUID is the same report.
  const lower = (id: string | null | undefined) => id?.toLowerCase() ?? null;
  const report = {
    ...value,
    activityId: value.activityId.toLowerCase(),
    teamId: value.teamId.toLowerCase(),
    memberId: lower(value.memberId),
    campaignId: lower(value.campaignId),
  };
  return { ok: true, report };
}

/** One problem per field, in the order the schema finds them. */
function shapeProblems(value: unknown): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const error of validator.Errors(value)) {
    // An unknown property is reported twice, as `false` under additionalProperties and as the
    // object's additionalProperties error that names it: the second says it in words.
    if (error.keyword === 'boolean' && error.schemaPath.endsWith('/additionalProperties')) continue;
    for (const problem of fieldProblems(error.instancePath, error.params, error.message)) {
      if (seen.has(problem.field)) continue;
      seen.add(problem.field);
      problems.push(problem);
    }
  }
  return problems.length > 0 ? problems : [{ field: 'body', reason: 'must be a JSON object' }];
}

/**
 * The fields one schema error is about. A missing or an unknown property is named as its own field,
 * each of several on its own line: `{}` lists the six required fields, not one error under the first
 * field's name saying all six are missing.
 */
function fieldProblems(instancePath: string, params: unknown, message: string): FieldProblem[] {
  const path = fieldOf(instancePath);
  const under = (name: string) => (path ? `${path}.${name}` : name);
  const p = params as { requiredProperties?: string[]; additionalProperties?: string[] };
  if (p.requiredProperties?.length)
    return p.requiredProperties.map((name) => ({ field: under(name), reason: 'is required' }));
  if (p.additionalProperties?.length)
    return p.additionalProperties.map((name) => ({
      field: under(name),
      reason: 'is not a field of a report',
    }));
  return [{ field: path || 'body', reason: message }];
}

/** A JSON Pointer (`/place/0/code`) as the request's validation names a field (`place[0].code`). */
const fieldOf = (pointer: string): string =>
  pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce(fieldWithin, '');
