// freePort checks what it draws: with three ports in five of its range taken, none it gives is taken;
// and it never gives a port twice, even one nobody has listened on yet.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fetchBlockedPorts, freePort } from './ports.ts';

const listenOn = (port: number): Promise<net.Server | undefined> =>
  new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(undefined)); // taken by something else already: fine too
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });

describe('freePort', () => {
  const taken = new Set<number>();
  const servers: net.Server[] = [];

  beforeAll(async () => {
    for (let port = 3300; port < 5300; port++) {
      if (port % 5 > 2) continue;
      const server = await listenOn(port);
      if (server) servers.push(server);
      taken.add(port);
    }
  });
  afterAll(() => Promise.all(servers.map((s) => new Promise((done) => s.close(done)))));

  it('gives only ports in 3300–5299 that nothing listens on and fetch accepts', async () => {
    const given = [];
    for (let i = 0; i < 40; i++) given.push(await freePort());
    const wrong = given.filter((p) => taken.has(p) || p < 3300 || p > 5299 || fetchBlockedPorts.has(p));
    expect(wrong).toEqual([]);
  });

  it('never gives one port twice in a process, though none it gave is listened on yet', async () => {
    // 300 draws among the ~800 ports left free: without the memory, dozens would repeat.
    const given = await Promise.all(Array.from({ length: 300 }, () => freePort()));
    expect(new Set(given).size).toBe(given.length);
  });
});
