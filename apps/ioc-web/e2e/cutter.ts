// A TCP relay in front of the dashboard's server that can cut every open connection and refuse new
// ones for a while: the "network blip" the live stream must survive.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export class Cutter {
  private readonly sockets = new Set<net.Socket>();
  private refusing = false;
  private constructor(private readonly server: net.Server) {}

  static async start(upstreamPort: number): Promise<Cutter> {
    const server = net.createServer();
    const cutter = new Cutter(server);
    server.on('connection', (client) => {
      if (cutter.refusing) return client.resetAndDestroy();
      const upstream = net.connect(upstreamPort, '127.0.0.1');
      for (const [a, b] of [
        [client, upstream],
        [upstream, client],
      ] as const) {
        cutter.sockets.add(a);
        a.on('error', () => b.destroy());
        a.on('close', () => {
          cutter.sockets.delete(a);
          b.destroy();
        });
        a.pipe(b);
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return cutter;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Resets every open connection and refuses new ones until heal(). */
  cut(): void {
    this.refusing = true;
    for (const socket of this.sockets) socket.resetAndDestroy();
  }

  heal(): void {
    this.refusing = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise((resolve) => this.server.close(resolve));
  }
}
