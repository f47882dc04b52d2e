// The client side of P10: `clients` concurrent connections, each POSTing one report at a time
// until all bodies are sent, then waiting until the server's outbox is relayed to Kafka.
import http from 'node:http';
import { pendingOutboxCount } from '@nhip/event-sourcing';
import type pg from 'pg';

export interface Target {
  readonly name: string;
  /** http://127.0.0.1:<port> */
  readonly base: string;
  /** The target's database, whose outbox tells when every report is on the topic. */
  readonly pool: pg.Pool;
  /** Bearer token sent with every report (the service verifies it; the bare peer ignores it). */
  readonly token?: string;
}

export interface LoadResult {
  /** Reports per second from the first request until the last message was relayed. */
  readonly perSecond: number;
  /** Per request, milliseconds from sending to the whole answer. */
  readonly latencies: number[];
}

export async function postAll(
  target: Target,
  bodies: readonly string[],
  clients: number,
): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  try {
    await Promise.all(
      Array.from({ length: clients }, async () => {
        for (let i = next++; i < bodies.length; i = next++) {
          const t0 = performance.now();
          await post(agent, target, bodies[i] ?? '');
          latencies.push(performance.now() - t0);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  while ((await pendingOutboxCount(target.pool)) > 0) await new Promise((r) => setTimeout(r, 10));
  return { perSecond: bodies.length / ((performance.now() - started) / 1000), latencies };
}

function post(agent: http.Agent, target: Target, body: string): Promise<void> {
  const url = `${target.base}/activities`;
  const authorization = target.token === undefined ? {} : { authorization: `Bearer ${target.token}` };
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...authorization,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          // Every report is valid: anything but "created" is a broken run, not a slow one.
          if (res.statusCode === 201) resolve();
          else reject(new Error(`POST ${url} answered ${res.statusCode}: ${text.slice(0, 500)}`));
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(60_000, () => req.destroy(new Error(`POST ${url} timed out`)));
    req.on('error', reject);
    req.end(body);
  });
}
