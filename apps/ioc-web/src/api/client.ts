// Calls to the projection service (and the registry's reads it relays under /registry), signed in
// with the session's bearer token. The page asks only for units it was led to from its home unit.
import type { SourceEventOrder } from '@nhip/contracts';
import type { Session } from './session.ts';
import type { CarryOvers, Explanation, FoundUnit, Summary, TeamsToMove, TeamsWaiting } from './types.ts';

/** What an RFC 9457 answer says beyond its status: the server's words, and which input is wrong. */
export interface ProblemBody {
  readonly detail?: string;
  readonly errors?: readonly { readonly field: string; readonly reason: string }[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: ProblemBody = {},
  ) {
    super(`HTTP ${status}`);
  }
}

/** The problem details of a refused answer; none when its body is not JSON (a proxy's page). */
async function problemOf(reply: Response): Promise<ProblemBody> {
  if (!/json/.test(reply.headers.get('content-type') ?? '')) return {};
  try {
    return (await reply.json()) as ProblemBody;
  } catch {
    return {};
  }
}

export class Api {
  constructor(private readonly session: Session) {}

  private async get<T>(url: string): Promise<T> {
    const reply = await fetch(url, { headers: { authorization: `Bearer ${this.session.token}` } });
    if (!reply.ok) throw new ApiError(reply.status, await problemOf(reply));
    return (await reply.json()) as T;
  }

  /** With `knownAt` (an ISO instant), the figures as recorded by then. */
  summary(code: string, period: string, knownAt?: string): Promise<Summary> {
    const query = new URLSearchParams({ period, ...(knownAt === undefined ? {} : { knownAt }) });
    return this.get(`/api/units/${encodeURIComponent(code)}/summary?${query.toString()}`);
  }

  /** `after`, `until` and `limit` page the source events (the previous page's `next`, the first's `until`). */
  explain(
    code: string,
    indicatorId: string,
    period: string,
    options: {
      knownAt?: string;
      after?: string;
      until?: string;
      limit?: number;
      order?: SourceEventOrder;
    } = {},
  ): Promise<Explanation> {
    const query = new URLSearchParams({ period });
    if (options.knownAt) query.set('knownAt', options.knownAt);
    if (options.after) query.set('after', options.after);
    if (options.until) query.set('until', options.until);
    if (options.limit) query.set('limit', String(options.limit));
    if (options.order) query.set('order', options.order);
    return this.get(
      `/api/units/${encodeURIComponent(code)}/indicators/${encodeURIComponent(indicatorId)}/explain?${query}`,
    );
  }

  /**
   * The teams of former units still to move into a unit of the tree in force today (the registry's
   * coverage) and, only when some wait, the carry-overs under it: those planning every commune below
   * is a read worth sparing. Undefined when the registry did not answer; the line is left out then.
   */
  async teamsWaiting(code: string): Promise<TeamsWaiting | undefined> {
    const at = encodeURIComponent(code);
    const coverage = await this.get<TeamsToMove>(`/registry/units/${at}/coverage`).catch(() => undefined);
    if (!coverage || coverage.unit.teamsToMove === 0) return coverage && { coverage };
    const carryOvers = await this.get<CarryOvers>(`/registry/units/${at}/carry-overs`).catch(() => undefined);
    return { coverage, carryOvers };
  }

  async search(q: string, asOf: string): Promise<FoundUnit[]> {
    const query = new URLSearchParams({ q, asOf, limit: '8' });
    return (await this.get<{ units: FoundUnit[] }>(`/registry/units/search?${query}`)).units;
  }
}
