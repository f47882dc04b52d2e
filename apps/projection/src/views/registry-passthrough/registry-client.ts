// The registry over HTTP, with the caller's own token: the registry checks the caller again, so
// the dashboard reads through the projection no more than it could read from the registry itself.
import { ProblemError, problemType, type Problem } from '@nhip/service-http';

const unavailable = (reason: string) =>
  new ProblemError(
    {
      type: problemType('registry-unavailable'),
      title: 'The registry is not answering',
      status: 503,
      detail: `The registry could not be asked (${reason}); try again shortly.`,
    },
    { 'retry-after': '2' },
  );

export class RegistryClient {
  constructor(private readonly base: string) {}

  /** The registry's 2xx answer's body; its refusal (400, 403, 404) as this service's own problem. */
  async answer(pathAndQuery: string, authorization: string): Promise<unknown> {
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
    const text = await response.text();
    const body: unknown = text.length > 0 ? JSON.parse(text) : null;
    if (response.status < 300) return body;
    throw new ProblemError(body as Problem);
  }
}
