// Liveness and readiness on a bare Fastify, requests injected without a network.
import { afterEach, describe, expect, it } from '@jest/globals';
import Fastify, { type FastifyInstance } from 'fastify';
import { mountProbes, type ReadinessCheck } from './probes.ts';

const up: ReadinessCheck = { name: 'database', probe: () => Promise.resolve() };
const down = (name: string, reason: string): ReadinessCheck => ({
  name,
  probe: () => Promise.reject(new Error(reason)),
});

describe('health probes', () => {
  let app: FastifyInstance | undefined;
  afterEach(() => app?.close());

  async function probesWith(checks: readonly ReadinessCheck[]): Promise<FastifyInstance> {
    app = Fastify();
    mountProbes(app, 'registry', checks);
    await app.ready();
    return app;
  }

  it('is live and ready when every check passes', async () => {
    const probes = await probesWith([up]);
    const live = await probes.inject({ url: '/health/live' });
    const ready = await probes.inject({ url: '/health/ready' });
    expect([live.statusCode, ready.statusCode]).toEqual([200, 200]);
    expect(ready.json()).toEqual({ status: 'ok', service: 'registry' });
  });

  it('is live but not ready when a dependency is missing, naming each one that is', async () => {
    const probes = await probesWith([
      down('database', 'connect ECONNREFUSED'),
      up,
      down('broker', 'no leader'),
    ]);
    expect((await probes.inject({ url: '/health/live' })).statusCode).toBe(200);
    const ready = await probes.inject({ url: '/health/ready' });
    expect(ready.statusCode).toBe(503);
    expect(ready.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(ready.headers['retry-after']).toBe('2');
    expect(ready.json()).toMatchObject({
      status: 503,
      detail: 'database unreachable: connect ECONNREFUSED; broker unreachable: no leader',
      errors: [
        { field: 'database', reason: 'connect ECONNREFUSED' },
        { field: 'broker', reason: 'no leader' },
      ],
    });
  });

  it('recovers by itself: readiness is asked afresh each time', async () => {
    let reachable = false;
    const probes = await probesWith([
      { name: 'database', probe: () => (reachable ? Promise.resolve() : Promise.reject(new Error('down'))) },
    ]);
    expect((await probes.inject({ url: '/health/ready' })).statusCode).toBe(503);
    reachable = true;
    expect((await probes.inject({ url: '/health/ready' })).statusCode).toBe(200);
  });
});
