// Ports for the services a test or benchmark starts. A port drawn at random and never checked
// collided in CI with one already listening (EADDRINUSE, and the suite's services never started);
// this one is drawn from the same range, then bound and released to make sure it is free now.
import net from 'node:net';

// The WHATWG fetch refuses these "bad ports" outright ("fetch failed: bad port"), so a service
// started on one could not be reached by any test client.
export const fetchBlockedPorts: ReadonlySet<number> = new Set([3659, 4045, 4190, 5060, 5061]);
const [lowest, count] = [3300, 2000];

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });

/** A port in 3300–5299 that fetch accepts and nothing listens on at this moment. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = lowest + Math.floor(Math.random() * count);
    if (!fetchBlockedPorts.has(port) && (await canListen(port))) return port;
  }
  throw new Error(`no free port found in ${lowest}–${lowest + count - 1} after 50 tries`);
}

/** True when a process ended because its port was taken between our check and its own listen. */
export const lostThePortRace = (error: unknown): boolean =>
  error instanceof Error && /EADDRINUSE/.test(error.message);
