// class-validator failures become a 400 problem naming every field and why; unknown fields are
// refused rather than silently dropped.
import { applyDecorators, ValidationPipe, type ValidationError } from '@nestjs/common';
import { instantPattern, instantRule } from '@nhip/contracts';
import { isISO8601, IsUUID, ValidateBy } from 'class-validator';
import { ProblemError, problemType } from './problem.ts';

/**
 * A field inside another, spelled as the client's code reaches it: `decision.date`,
 * `villages[0].from`. The request's validation and a rule's check (`bridgePoints[1].unitCode`) name
 * the same field the same way, so a form can mark it whichever refused it.
 */
export const fieldWithin = (parent: string, property: string): string => {
  if (!parent) return property;
  return /^\d+$/.test(property) ? `${parent}[${property}]` : `${parent}.${property}`;
};

export function flattenValidationErrors(
  errors: readonly ValidationError[],
  prefix = '',
): { field: string; reason: string }[] {
  return errors.flatMap((error) => {
    const field = fieldWithin(prefix, error.property);
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

/**
 * Any UUID in its written form, whatever its version and variant bits: a report's schema takes
 * every such id (TypeBox's `uuid` format) and so do the ids a client chooses (`IsChosenId`), so a
 * path must too, or what was accepted under a client's id could not be read back by it.
 */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** RFC 9562's nil and max UUIDs: well formed, and no one's id. */
const namesNothing = /^(?:0{8}-0{4}-0{4}-0{4}-0{12}|f{8}-f{4}-f{4}-f{4}-f{12})$/i;

/** The nil or the max UUID: an id a client must not choose for something it creates. */
export const isNilOrMaxUuid = (value: string): boolean => namesNothing.test(value);

/** Why a client may not give what it creates the nil or the max UUID. */
export const chosenIdRule = 'the nil and max UUIDs name nothing: generate one (version 4 or 7)';

/**
 * An id the client chooses for what it creates (a team, a course, a campaign, a session): a UUID,
 * neither nil nor max, which every client choosing it would share.
 */
export const IsChosenId = (): PropertyDecorator =>
  applyDecorators(
    // 'loose': any version and variant, as a path takes them (class-validator's default, 1 to 8).
    IsUUID('loose'),
    ValidateBy({
      name: 'isChosenId',
      validator: {
        // Not a UUID at all is IsUUID's to say; this one says only why nil and max are refused.
        validate: (value: unknown) => typeof value !== 'string' || !isNilOrMaxUuid(value),
        defaultMessage: () => chosenIdRule,
      },
    }),
  );

/** Path ids are checked before any query: a malformed id is the client's mistake, not a 500. */
export function requireUuid(value: string, field: string): string {
  if (namesNothing.test(value))
    throw invalidRequest(
      [{ field, reason: 'the nil and max UUIDs name nothing' }],
      400,
      `${field}: "${value}" is a UUID no one is given; send the id you were answered, or a generated one (version 4 or 7).`,
    );
  if (uuid.test(value)) return value.toLowerCase();
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

/**
 * An instant such as `knownAt`: a real calendar date and time (ISO 8601, strict) written with its
 * offset (`instantPattern`), one refusal naming the form to write. Checked whole here, not by two
 * decorators saying the same thing twice.
 */
export const IsInstant = (): PropertyDecorator =>
  ValidateBy({
    name: 'isInstant',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && instantPattern.test(value) && isISO8601(value, { strict: true }),
      defaultMessage: (args) => `${args?.property ?? 'value'} ${instantRule}`,
    },
  });
