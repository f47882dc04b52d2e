import { InfraError } from '../infra/infra-error.ts';

/** A JSON answer, or a stop with the service's own problem text when it refuses the demo data. */
export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> {
  const response = await fetch(url, init);
  const text = await response.text();
  if (!response.ok) {
    throw new InfraError(
      `Loading demo data: ${init?.method ?? 'GET'} ${url} answered ${response.status}: ${text}`,
    );
  }
  return JSON.parse(text) as T;
}
