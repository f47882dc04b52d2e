// The bench's calls to the KPI service: node:http with the development issuer's admin token, the
// body parsed as JSON. The drill-downs go on one kept-alive connection: Node's fetch (undici) added
// 0.2-0.5 ms of its own to every 2 ms answer here (its streams, headers object and abort signal),
// the client's cost rather than the service's; the command bench's load asks over node:http with a
// kept-alive agent too (ADR 0040 addendum). The rebuild's POST may take minutes and has no answer deadline.
import http from 'node:http';
import { personas, tokenFor } from '@nhip/testing';

export interface JsonReply {
  readonly status: number;
  readonly body: unknown;
}
export type GetJson = (path: string) => Promise<JsonReply>;

interface Call {
  readonly method: 'GET' | 'POST';
  readonly headers: http.OutgoingHttpHeaders;
  readonly agent?: http.Agent;
  /** No answer by then fails the call; none given, it waits as long as the service works. */
  readonly timeoutMs?: number;
}

function requestJson(url: string, call: Call): Promise<JsonReply> {
  return new Promise((resolve, reject) => {
    const { method, headers, agent, timeoutMs } = call;
    const request = http.request(url, { method, headers, agent }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        try {
          const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
          resolve({ status: response.statusCode ?? 0, body });
        } catch (error) {
          reject(
            new Error(`${method} ${url} answered ${response.statusCode} with no JSON: ${String(error)}`),
          );
        }
      });
      response.on('error', reject);
    });
    if (timeoutMs !== undefined)
      request.setTimeout(timeoutMs, () =>
        request.destroy(new Error(`${method} ${url} had no answer in ${timeoutMs / 1000} s`)),
      );
    request.on('error', reject);
    request.end();
  });
}

const authorization = async () => `Bearer ${await tokenFor(personas.admin)}`;

export async function jsonGetter(base: string): Promise<GetJson & { close(): void }> {
  const headers = { authorization: await authorization() };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get: GetJson = (path) =>
    requestJson(`${base}${path}`, { method: 'GET', headers, agent, timeoutMs: 60_000 });
  return Object.assign(get, { close: () => agent.destroy() });
}

/** A POST that may take minutes (a rebuild of millions of rows). */
export async function postLong(base: string, path: string): Promise<JsonReply> {
  const headers = { authorization: await authorization(), 'content-length': 0 };
  return requestJson(`${base}${path}`, { method: 'POST', headers });
}
