// A TCP proxy on loopback that the fault suite puts between a service and its broker or database,
// to add latency, reset connections, black-hole traffic or refuse new connections while the service
// runs, and to heal again (ADR 0016). Only node:net: the faults are few and must be exact.
import net from 'node:net';
import { FaultPipe, noFaults } from './fault-pipe.ts';

/** `upstream`: client → server bytes; `downstream`: server → client bytes. */
export type Direction = 'upstream' | 'downstream' | 'both';

export interface Endpoint {
  host: string;
  port: number;
}

export interface FaultProxyStats {
  /** Connections accepted since start, refused ones included. */
  accepted: number;
  /** Connections forwarding (or held) now. */
  open: number;
  /** Connections closed at once because the proxy was refusing. */
  refused: number;
  /** Connections torn down by reset(). */
  reset: number;
  /** Bytes written on to the other side, by direction. */
  bytes: { upstream: number; downstream: number };
}

interface Link {
  client: net.Socket;
  server: net.Socket;
  pipes: FaultPipe[];
}

const loopback = '127.0.0.1';

/** Tears a socket down with an RST, so the peer sees ECONNRESET as on a broken path. */
function resetQuietly(socket: net.Socket): void {
  if (!socket.destroyed) socket.resetAndDestroy();
}

function directions(direction: Direction): Array<'upstream' | 'downstream'> {
  return direction === 'both' ? ['upstream', 'downstream'] : [direction];
}

export class TcpFaultProxy {
  private readonly links = new Set<Link>();
  private readonly faults = { upstream: noFaults, downstream: noFaults };
  private refusing = false;
  private readonly counts = { accepted: 0, refused: 0, reset: 0, upstream: 0, downstream: 0 };

  private readonly listener: net.Server;
  private readonly upstream: Endpoint;
  /** Where clients connect instead of the upstream; kept so it can be read after close(). */
  readonly endpoint: Endpoint;

  private constructor(listener: net.Server, upstream: Endpoint) {
    this.listener = listener;
    this.upstream = upstream;
    this.endpoint = { host: loopback, port: (listener.address() as net.AddressInfo).port };
    listener.on('connection', (client) => this.accept(client));
    // A failed accept (out of file descriptors) leaves that client without a connection, which is
    // what it would see anyway; it must not end the test or the suite that runs the proxy.
    listener.on('error', () => undefined);
  }

  /** Listens on 127.0.0.1 (`port` 0: any free port) and forwards every connection to `upstream`. */
  static async start(upstream: Endpoint, { port = 0 }: { port?: number } = {}): Promise<TcpFaultProxy> {
    // Half-open kept so a FIN is passed on in order behind the bytes, not turned into a close.
    const listener = net.createServer({ allowHalfOpen: true, noDelay: true });
    await new Promise<void>((resolve, reject) => {
      listener.once('error', reject);
      listener.listen(port, loopback, () => {
        listener.off('error', reject);
        resolve();
      });
    });
    return new TcpFaultProxy(listener, upstream);
  }

  /** A proxy in front of the server a URL names (PostgreSQL's port 5432 when the URL names none). */
  static inFrontOf(url: string): Promise<TcpFaultProxy> {
    const { hostname, port } = new URL(url);
    return TcpFaultProxy.start({ host: hostname, port: Number(port || 5432) });
  }

  /** The same URL with this proxy in place of the server. */
  urlThrough(url: string): string {
    const through = new URL(url);
    through.hostname = this.endpoint.host;
    through.port = String(this.endpoint.port);
    return through.toString();
  }

  /** Delays every chunk by `ms` ± `jitterMs` from now on, order kept; 0 removes the delay. */
  latency(ms: number, jitterMs = 0, direction: Direction = 'both'): void {
    if (!(ms >= 0 && jitterMs >= 0 && Number.isFinite(ms + jitterMs)))
      throw new RangeError(`latency needs finite ms ≥ 0 and jitter ≥ 0, got ${ms} and ${jitterMs}`);
    for (const d of directions(direction)) this.faults[d] = { ...this.faults[d], latencyMs: ms, jitterMs };
  }

  /** Resets every open connection now; new connections go through as before. */
  reset(): number {
    const count = this.links.size;
    for (const link of this.links) this.drop(link, resetQuietly);
    this.counts.reset += count;
    return count;
  }

  /** Keeps connections (and accepts new ones) but forwards nothing, until heal(). */
  blackhole(direction: Direction = 'both'): void {
    for (const d of directions(direction)) this.faults[d] = { ...this.faults[d], blackholed: true };
    this.pumpAll();
  }

  /** Resets each new connection as soon as it is accepted; open ones carry on. */
  refuse(): void {
    this.refusing = true;
  }

  /** Removes every fault; held bytes flow again, in order. */
  heal(): void {
    this.faults.upstream = noFaults;
    this.faults.downstream = noFaults;
    this.refusing = false;
    this.pumpAll();
  }

  stats(): FaultProxyStats {
    const { accepted, refused, reset, upstream, downstream } = this.counts;
    return { accepted, open: this.links.size, refused, reset, bytes: { upstream, downstream } };
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    for (const link of this.links) this.drop(link, (socket) => socket.destroy());
    // The callback's "not running" error only means an earlier close() got here first.
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private accept(client: net.Socket): void {
    this.counts.accepted += 1;
    client.on('error', () => undefined);
    if (this.refusing) {
      // An RST right after the handshake, before a byte: what a balancer with no backend does.
      // (Stopping to listen would give ECONNREFUSED, but the port could be taken in between.)
      this.counts.refused += 1;
      resetQuietly(client);
      return;
    }
    const server = net.connect({ ...this.upstream, allowHalfOpen: true, noDelay: true });
    const link: Link = { client, server, pipes: [] };
    link.pipes = [this.pipe(client, server, 'upstream'), this.pipe(server, client, 'downstream')];
    this.links.add(link);
    // A broken side breaks the other with an RST too (an unreachable upstream included), so the
    // client sees what it would see without the proxy rather than a tidy close.
    client.on('error', () => this.drop(link, resetQuietly));
    server.on('error', () => this.drop(link, resetQuietly));
    const closed = (): void => {
      if (client.destroyed && server.destroyed) this.drop(link, () => undefined);
    };
    client.on('close', closed);
    server.on('close', closed);
    for (const pipe of link.pipes) pipe.pump();
  }

  private pipe(from: net.Socket, to: net.Socket, direction: 'upstream' | 'downstream'): FaultPipe {
    return new FaultPipe(
      from,
      to,
      () => this.faults[direction],
      (bytes) => (this.counts[direction] += bytes),
    );
  }

  private drop(link: Link, end: (socket: net.Socket) => void): void {
    for (const pipe of link.pipes) pipe.stop();
    end(link.client);
    end(link.server);
    this.links.delete(link);
  }

  private pumpAll(): void {
    for (const link of this.links) for (const pipe of link.pipes) pipe.pump();
  }
}
