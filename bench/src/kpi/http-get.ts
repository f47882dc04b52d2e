// The drill-downs over HTTP as the bench asks them: node:http on one kept-alive connection, the
// body parsed as JSON. Node's fetch (undici) added 0.2-0.5 ms of its own to every 2 ms answer
// here (its streams, headers object and abort signal), the client's cost rather than the
// service's; the command bench's load uses the same client (ADR 0040 addendum).
import http from 'node:http';
import { personas, tokenFor } from '@nhip/testing';

export type GetJson = (path: string) => Promise<{ status: number; body: unknown }>;

export async function jsonGetter(base: string): Promise<GetJson & { close(): void }> {
  const headers = { authorization: `Bearer ${await tokenFor(personas.admin)}` };
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get: GetJson = (path) =>
    new Promise((resolve, reject) => {
      const request = http.get(`${base}${path}`, { agent, headers }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
            resolve({ status: response.statusCode ?? 0, body });
          } catch (error) {
            reject(new Error(`GET ${path} answered ${response.statusCode} with no JSON: ${String(error)}`));
          }
        });
        response.on('error', reject);
      });
      request.setTimeout(60_000, () => request.destroy(new Error(`GET ${path} had no answer in 60 s`)));
      request.on('error', reject);
    });
  return Object.assign(get, { close: () => agent.destroy() });
}
