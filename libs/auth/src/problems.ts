// Sign-in refusals as RFC 9457 problems. A 401 carries WWW-Authenticate (RFC 6750 §3) so a client
// knows to get a new token; a 403 names the role or the unit that is missing, never a stack.
import { ProblemError, problemType } from '@nhip/service-http';
import type { Role } from './claims.ts';

const quoted = (text: string): string => text.replace(/["\\]/g, "'");

/** No token, or one that cannot be trusted: expired, malformed, wrongly signed, wrong issuer or audience. */
export function invalidToken(reason: string): ProblemError {
  const missing = reason === noToken;
  return new ProblemError(
    {
      type: problemType('unauthenticated'),
      title: 'Sign in first',
      status: 401,
      detail: missing
        ? 'This endpoint needs a bearer token: send Authorization: Bearer <token> from the issuer.'
        : `The bearer token is not accepted: ${reason}. Get a new token from the issuer.`,
      errors: [{ field: 'authorization', reason }],
    },
    {
      // RFC 6750 §3.1: a request without credentials gets the challenge without an error code.
      'www-authenticate': missing
        ? 'Bearer realm="nhip"'
        : `Bearer realm="nhip", error="invalid_token", error_description="${quoted(reason)}"`,
    },
  );
}

export const noToken = 'no bearer token';

export function roleMissing(role: Role, allowed: readonly Role[]): ProblemError {
  return new ProblemError({
    type: problemType('role-not-allowed'),
    title: 'Not allowed for this role',
    status: 403,
    detail: `A ${role} may not do this; it needs one of: ${allowed.join(', ')}.`,
    errors: [{ field: 'role', reason: `needs ${allowed.join(' or ')}` }],
  });
}

export function unitOutsideScope(
  unit: string,
  scope: string | undefined,
  field: string,
  treeVersion?: string,
): ProblemError {
  // Codes are reused across a reform: "unit 00070 is outside 00070" needs the tree to make sense.
  const where = treeVersion === undefined ? '' : ` of ${treeVersion}`;
  const reused =
    treeVersion !== undefined && unit === scope
      ? ` In ${treeVersion} the code ${unit} is another unit than yours, or one split between several; your area there is what went whole into yours.`
      : '';
  return new ProblemError({
    type: problemType('unit-outside-scope'),
    title: 'Outside your area',
    status: 403,
    detail: `Unit ${unit}${where} is outside the area of your sign-in (unit ${scope ?? '?'} and below).${reused}`,
    errors: [{ field, reason: `unit ${unit} is outside ${scope ?? 'your scope'}` }],
  });
}

/** The issuer's keys cannot be fetched: nobody can be verified, so nobody is refused for it. */
export function issuerUnavailable(reason: string): ProblemError {
  return new ProblemError(
    {
      type: problemType('issuer-unavailable'),
      title: 'Service unavailable',
      status: 503,
      detail: `Tokens cannot be checked right now (${reason}). Retry the same request later.`,
    },
    { 'retry-after': '2' },
  );
}
