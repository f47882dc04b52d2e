// What every operation of the OpenAPI document answers besides what its controller declares: the
// success Nest infers (201 for a POST unless @HttpCode says otherwise), and the refusals every
// route shares, each an RFC 9457 problem with its schema, so a client generated from /docs-json
// knows the shape of an error as well as of an answer.
import type { OpenAPIObject } from '@nestjs/swagger';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];
type Schema = NonNullable<NonNullable<OpenAPIObject['components']>['schemas']>[string];

const problemRef = { $ref: '#/components/schemas/Problem' };

/** RFC 9457 as every service writes it (libs/service-http/src/problem.ts). */
export const problemSchema: Schema = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string', format: 'uri', example: 'https://nhip.vn/problems/invalid-request' },
    title: { type: 'string', example: 'The request is not valid' },
    status: { type: 'integer', example: 400 },
    detail: { type: 'string', example: 'period: "2026-13" is not a calendar period.' },
    errors: {
      type: 'array',
      description: 'Which inputs are wrong and why; a line of an uploaded file also names its line.',
      items: {
        type: 'object',
        required: ['field', 'reason'],
        properties: {
          field: { type: 'string', example: 'period' },
          reason: { type: 'string', example: 'a year (2026), a quarter (2026-Q4), a month or a day' },
          line: { type: 'integer' },
        },
      },
    },
    committed: {
      type: 'boolean',
      enum: [false],
      description: 'On a 503: false when the request provably wrote nothing.',
    },
  },
};

const problem = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: problemRef } },
});

const successes: Readonly<Record<string, string>> = {
  '200': 'The answer.',
  '201': 'Recorded.',
  '204': 'Done; nothing to answer.',
};

const signedIn = (op: Operation): readonly string[] => {
  const roles = (op as { 'x-roles'?: readonly string[] })['x-roles'] ?? [];
  return roles.includes('public') ? [] : roles;
};

/** Refusals of a signed-in route: no or a bad token, the wrong role or area, an outage. */
const signInRefusals = (roles: readonly string[]): Responses =>
  roles.length === 0
    ? {}
    : {
        '401': problem('No token, or one that is expired, malformed or wrongly signed.'),
        '403': problem(`Allowed for ${roles.join(', ')}, within their unit.`),
        '503': problem('The database or the broker is unavailable; retry after `Retry-After` seconds.'),
      };

/** Refusals of what a route takes: its parameters, its body, the path it names. */
function inputRefusals(path: string, op: Operation): Responses {
  const answers: Responses = {};
  if ((op.parameters?.length ?? 0) > 0 || op.requestBody !== undefined)
    answers['400'] = problem('An input is not valid: `errors` names each field and why.');
  if (op.requestBody !== undefined) {
    answers['413'] = problem('The body is larger than the service takes; split the file.');
    answers['415'] = problem(
      'The body is not in a content type this route takes (`errors` names the one to send).',
    );
  }
  // A path's {code} or a body's unitCode, teamId, courseId… may name nothing known.
  if (path.includes('{') || op.requestBody !== undefined)
    answers['404'] = problem('Something named in the path or the body is not known (`errors` names it).');
  return answers;
}

/** The refusals an operation can meet, from what it takes and who may call it. */
const refusals = (path: string, op: Operation): Responses => ({
  ...inputRefusals(path, op),
  ...signInRefusals(signedIn(op)),
});

/** Declared responses win; an empty success description (Nest's default) says what it means. */
function completed(path: string, op: Operation): Responses {
  const declared: Responses = {};
  for (const [status, response] of Object.entries(op.responses)) {
    const described = response as { description?: string };
    declared[status] =
      described.description === ''
        ? { ...response, description: successes[status] ?? 'The answer.' }
        : response;
  }
  return { ...refusals(path, op), ...declared };
}

const refPrefix = '#/components/schemas/';

/** The component a `$ref` names, when it is one of `available`. */
const refName = (key: string, value: unknown, available: Readonly<Record<string, unknown>>) =>
  key === '$ref' &&
  typeof value === 'string' &&
  value.startsWith(refPrefix) &&
  value.slice(refPrefix.length) in available
    ? value.slice(refPrefix.length)
    : undefined;

/** The names of the schemas of `available` that `value` points at, directly or through each other. */
function referenced(value: unknown, available: Readonly<Record<string, unknown>>, found = new Set<string>()) {
  if (typeof value !== 'object' || value === null) return found;
  for (const [key, item] of Object.entries(value)) {
    const name = refName(key, item, available);
    if (name === undefined) referenced(item, available, found);
    else if (!found.has(name)) referenced(available[name], available, found.add(name));
  }
  return found;
}

export function withStandardResponses(
  document: OpenAPIObject,
  answers: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {},
): OpenAPIObject {
  const paths = Object.fromEntries(
    Object.entries(document.paths).map(([path, item]) => [
      path,
      Object.fromEntries(
        Object.entries(item).map(([method, op]) =>
          ['get', 'post', 'put', 'patch', 'delete'].includes(method)
            ? [method, { ...(op as Operation), responses: completed(path, op as Operation) }]
            : [method, op],
        ),
      ),
    ]),
  );
  // Only the answers this document's operations point at: one list serves every service.
  const used = [...referenced(paths, answers)].map((name): [string, Schema] => [
    name,
    answers[name] as Schema,
  ]);
  const schemas = { ...document.components?.schemas, ...Object.fromEntries(used), Problem: problemSchema };
  return { ...document, paths, components: { ...document.components, schemas } };
}
