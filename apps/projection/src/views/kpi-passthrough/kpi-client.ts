// The KPI service over HTTP, with the caller's own token: it checks the caller again, so the
// projection never reads more through it than the caller may.
import { ProblemError, problemType, type Problem } from '@nhip/service-http';

export interface KpiAnswer {
  readonly status: number;
  readonly contentType: string;
  readonly body: unknown;
}

export interface CatalogEntry {
  readonly id: string;
  readonly version: number;
  readonly name: unknown;
  readonly unit: unknown;
  readonly comparisons: unknown;
}

/** An indicator as the KPI service's unit view shows it: the figures the summary falls back to. */
export interface KpiViewIndicator {
  readonly id: string;
  readonly version: number;
  readonly [figure: string]: unknown;
}

export interface KpiUnitView {
  readonly unit: { readonly code: string };
  readonly indicators: readonly KpiViewIndicator[];
  readonly children: readonly { readonly code: string; readonly indicators: readonly KpiViewIndicator[] }[];
}

const unavailable = (reason: string) =>
  new ProblemError(
    {
      type: problemType('kpi-unavailable'),
      title: 'The KPI service is not answering',
      status: 503,
      detail: `The KPI service could not be asked (${reason}); try again shortly.`,
    },
    { 'retry-after': '2' },
  );

const catalogTtlMs = 10 * 60_000;
const viewTtlMs = 2000;

export class KpiClient {
  #catalog: { at: number; entries: readonly CatalogEntry[] } | undefined;
  // A page asks for the summary and opens the stream at once, a wall of screens opens the same scope
  // with one operator's token: one question to the KPI service for all of them.
  readonly #views = new Map<string, { at: number; seq: number; view: Promise<KpiUnitView | undefined> }>();

  constructor(
    private readonly base: string,
    /** The change log's newest sequence (the stream's hub); answers kept from before it are not given. */
    private readonly changeSeq: () => number = () => 0,
  ) {}

  /** GET a KPI path with the caller's bearer token; its answer as it came (4xx included). */
  async get(pathAndQuery: string, authorization: string): Promise<KpiAnswer> {
    let response: Response;
    try {
      response = await fetch(`${this.base}${pathAndQuery}`, {
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      throw unavailable(error instanceof Error ? error.message : String(error));
    }
    if (response.status >= 500) throw unavailable(`it answered ${response.status}`);
    const contentType = response.headers.get('content-type') ?? 'application/json';
    const text = await response.text();
    return { status: response.status, contentType, body: text.length > 0 ? JSON.parse(text) : null };
  }

  /** The KPI service's 2xx answer's body; its refusal (400, 403, 404) as this service's own problem. */
  async answer(pathAndQuery: string, authorization: string): Promise<unknown> {
    const answer = await this.get(pathAndQuery, authorization);
    if (answer.status < 300) return answer.body;
    throw new ProblemError(answer.body as Problem);
  }

  /**
   * The KPI service's own view of a unit and its children for a period (GET /units/{code}/indicators;
   * a former unit after the reform as the units that replaced it): undefined when it refuses (a
   * unit it does not know yet), a 503 when it is away. An answer is kept only while the change log
   * has nothing newer: a screen asks again because a change came (a year to date's view, a quarter of
   * a second after it), and the KPI service had that change before this service logged it.
   */
  unitView(
    code: string,
    period: string,
    authorization: string,
    knownAt?: string,
  ): Promise<KpiUnitView | undefined> {
    const seq = this.changeSeq();
    // Figures only: the summary takes names and comparison lines from the catalog it keeps.
    const query = new URLSearchParams({ period, fields: 'figures', ...(knownAt ? { knownAt } : {}) });
    const path = `/units/${encodeURIComponent(code)}/indicators?${query.toString()}`;
    // Kept per caller: the KPI service judges each caller's scope per period (a commune that changed
    // district), so one caller's answer, or refusal, must not stand in for another's.
    const key = `${authorization}\n${path}`;
    const kept = this.#views.get(key);
    if (kept && kept.seq === seq && Date.now() - kept.at < viewTtlMs) return kept.view;
    const view = this.get(path, authorization).then((answer) =>
      answer.status === 200 ? (answer.body as KpiUnitView) : undefined,
    );
    this.#views.set(key, { at: Date.now(), seq, view });
    // Only answers are kept: a refusal or an outage is asked again next time.
    view.then((answered) => answered ?? this.#views.delete(key)).catch(() => this.#views.delete(key));
    for (const [k, entry] of this.#views) if (Date.now() - entry.at >= viewTtlMs) this.#views.delete(k);
    return view;
  }

  /** The indicator catalog (reference data, the same for every caller), kept for ten minutes. */
  async catalog(authorization: string): Promise<readonly CatalogEntry[]> {
    if (this.#catalog && Date.now() - this.#catalog.at < catalogTtlMs) return this.#catalog.entries;
    const answer = await this.get('/catalog', authorization);
    if (answer.status !== 200) throw unavailable(`its catalog answered ${answer.status}`);
    const entries = (answer.body as { indicators: CatalogEntry[] }).indicators;
    this.#catalog = { at: Date.now(), entries };
    return entries;
  }
}
