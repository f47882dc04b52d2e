// Ports for the services a test or benchmark starts. A port drawn at random and never checked
// collided in CI with one already listening (EADDRINUSE, and the suite's services never started);
// this one is drawn from the same range, then bound and released to make sure it is free now. And a
// port is handed out once per process: the fault platform draws five before any service listens,
// and two of them once got the same port (the second service crash-looped on EADDRINUSE while its
// health checks were answered by the first).
import net from 'node:net';

// The WHATWG fetch refuses these "bad ports" outright ("fetch failed: bad port"), so a service
// started on one could not be reached by any test client.
export const fetchBlockedPorts: ReadonlySet<number> = new Set([3659, 4045, 4190, 5060, 5061]);
const [lowest, count] = [3300, 2000];
/** Every port this process was given: its owner may not listen yet, or may be restarting on it. */
const handedOut = new Set<number>();

const canListen = (port: number): Promise<boolean> =>
  new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
  });

/** A port in 3300–5299 that fetch accepts, nothing listens on now, and this process never gave. */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = lowest + Math.floor(Math.random() * count);
    if (fetchBlockedPorts.has(port) || handedOut.has(port)) continue;
    // Claimed before the probe: two concurrent draws cannot both take it.
    handedOut.add(port);
    if (await canListen(port)) return port;
    handedOut.delete(port);
  }
  throw new Error(`no free port found in ${lowest}–${lowest + count - 1} after 50 tries`);
}

/** True when a process ended because its port was taken between our check and its own listen. */
export const lostThePortRace = (error: unknown): boolean =>
  error instanceof Error && /EADDRINUSE/.test(error.message);
