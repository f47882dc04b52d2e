// class-validator failures become a 400 problem naming every field (nested as decision.date) and
// why; unknown fields are refused rather than silently dropped.
import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ProblemError, problemType } from './problem.ts';

export function flattenValidationErrors(
  errors: readonly ValidationError[],
  prefix = '',
): { field: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

export const validationPipe = new ValidationPipe({
  transform: true,
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  exceptionFactory: (errors) => invalidRequest(flattenValidationErrors(errors)),
});

/** The client's request is malformed: every field at fault and why (400, or 422 for a file). */
export function invalidRequest(
  fields: readonly { field: string; reason: string }[],
  status = 400,
  detail = fields.map((f) => `${f.field}: ${f.reason}`).join('; '),
): ProblemError {
  return new ProblemError({
    type: problemType('invalid-request'),
    title: 'The request is not valid',
    status,
    detail,
    errors: fields,
  });
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** RFC 9562's nil and max UUIDs: well formed, and no one's id. */
const namesNothing = /^(?:0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;

/** Path ids are checked before any query: a malformed id is the client's mistake, not a 500. */
export function requireUuid(value: string, field: string): string {
  if (uuid.test(value)) return value.toLowerCase();
  if (namesNothing.test(value))
    throw invalidRequest(
      [{ field, reason: 'the nil and max UUIDs name nothing' }],
      400,
      `${field}: "${value}" is a UUID no one is given; send the id you were answered, or a generated one (version 4 or 7).`,
    );
  throw invalidRequest([{ field, reason: 'must be a UUID' }], 400, `${field}: "${value}" is not a UUID.`);
}

export function notFound(what: string, field: string, value: string): ProblemError {
  return new ProblemError({
    type: problemType('not-found'),
    title: `No such ${what}`,
    status: 404,
    detail: `No ${what} ${value}.`,
    errors: [{ field, reason: `unknown ${what}` }],
  });
}
