// RFC 9457 problem details: what every error response of the service looks like.
export interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  /** Which inputs are wrong and why; a CSV problem also names its line. */
  readonly errors?: readonly { readonly field: string; readonly reason: string; readonly line?: number }[];
  /** On a 503: false when the request provably wrote nothing (absent when that is not known). */
  readonly committed?: false;
}

export class ProblemError extends Error {
  override readonly name = 'ProblemError';
  readonly problem: Problem;
  /** Response headers the problem implies (WWW-Authenticate on a 401, Retry-After on a 503). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(problem: Problem, headers: Readonly<Record<string, string>> = {}) {
    super(problem.detail);
    this.problem = problem;
    this.headers = headers;
  }
}

export const problemType = (slug: string): string => `https://nhip.vn/problems/${slug}`;

/** A 415: the body is not in a content type this route takes; `expected` says which it does. */
export const unsupportedMediaType = (title: string, detail: string, expected: string): ProblemError =>
  new ProblemError({
    type: problemType('unsupported-media-type'),
    title,
    status: 415,
    detail,
    errors: [{ field: 'content-type', reason: expected }],
  });
