import { InfraError } from '../infra/infra-error.ts';

// A 503 says "retry the same request later" (a service whose copy of the registry has not yet
// heard of the caller's unit, a database restarting): the demo waits as a client should.
const retriesOn503 = 30;

/** A JSON answer, or a stop with the service's own problem text when it refuses the demo data. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const response = await fetch(url, init);
    const text = await response.text();
    if (response.status === 503 && attempt < retriesOn503) {
      await new Promise((r) => setTimeout(r, 1_000 * Number(response.headers.get('retry-after') ?? 1)));
      continue;
    }
    if (!response.ok) {
      throw new InfraError(
        `Loading demo data: ${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text}`,
      );
    }
    return JSON.parse(text) as T;
  }
}
