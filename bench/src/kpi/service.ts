// The KPI service as the bench drives it: its compiled entry on a fresh database, every topic
// under the run's prefix, called over HTTP with the development issuer's admin token.
import http from 'node:http';
import { personas, type RunningService, builtService, startHttpService, tokenFor } from '@nhip/testing';
import { benchNodeFlags } from '../activity-stack.ts';

export function startKpi(topicPrefix: string): Promise<RunningService> {
  return startHttpService({
    entry: builtService('kpi'),
    envPrefix: 'KPI',
    purpose: 'bench_kpi',
    // No heap of its own: the rebuild must fit under the 1 GB ceiling every service runs with
    // (ADR 0036, 0038).
    env: { NHIP_TOPIC_PREFIX: topicPrefix },
    // BENCH_NODE_FLAGS, as the other stacks take them: a GC setting or a CPU profile of the service.
    nodeFlags: benchNodeFlags,
  });
}

/** A POST that may take minutes (a rebuild of millions of rows): node:http has no answer deadline. */
export async function postLong(base: string, url: string): Promise<{ status: number; body: unknown }> {
  const token = await tokenFor(personas.admin);
  return new Promise((resolve, reject) => {
    const request = http.request(
      `${base}${url}`,
      { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': 0 } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown,
          }),
        );
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end();
  });
}
