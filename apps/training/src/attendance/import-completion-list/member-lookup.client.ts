// Phone numbers of a completion list are looked up in the registry's personal-data store through
// its API (one call per upload) and never kept here: only the member ids come back. The caller's
// Authorization header goes along unchanged, so the registry decides who may look people up.
import { ProblemError, problemType } from '@nhip/service-http';

export const lookupReason = 'nhập danh sách hoàn thành khóa học';

export type PhoneMatch =
  { readonly memberId: string } | { readonly memberId: null; readonly match: 'none' | 'several' };

export interface LookupRequest {
  readonly registryUrl: string;
  readonly phones: readonly string[];
  readonly authorization: string | undefined;
  readonly correlationId: string;
}

export async function lookUpPhones(request: LookupRequest): Promise<Map<string, PhoneMatch>> {
  if (request.phones.length === 0) return new Map();
  const response = await call(request);
  const text = await response.text();
  if (!response.ok) throw registryRefused(response.status, text);
  const { results } = JSON.parse(text) as { results: PhoneMatch[] };
  return new Map(request.phones.map((phone, i) => [phone, results[i] ?? { memberId: null, match: 'none' }]));
}

async function call({ registryUrl, phones, authorization, correlationId }: LookupRequest): Promise<Response> {
  try {
    return await fetch(`${registryUrl}/members/lookups`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-correlation-id': correlationId,
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: JSON.stringify({ phones, reason: lookupReason }),
      signal: AbortSignal.timeout(30_000),
    });
  } catch {
    throw new ProblemError({
      type: problemType('registry-unavailable'),
      title: 'The registry does not answer',
      status: 503,
      detail:
        'Phone numbers are looked up in the registry, which does not answer now: retry shortly, or give member ids.',
      errors: [{ field: 'phone', reason: 'registry unavailable' }],
    });
  }
}

/** The registry's refusal: who may look people up is its decision (401/403 pass through as they are). */
function registryRefused(status: number, body: string): ProblemError {
  const passThrough = status === 401 || status === 403;
  return new ProblemError({
    type: problemType(passThrough ? 'registry-refused' : 'registry-unavailable'),
    title: passThrough
      ? 'The registry refused the phone look-up'
      : 'The registry could not look up phone numbers',
    status: passThrough ? status : 502,
    detail: `The registry answered ${status} to the phone look-up: ${body.slice(0, 300)}`,
    errors: [{ field: 'phone', reason: `registry answered ${status}` }],
  });
}
