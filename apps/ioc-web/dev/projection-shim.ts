// DEV SHIM ONLY: a stand-in for apps/projection (port 3105) with the agreed projection API, built on
// the KPI service, so the dashboard could be built and tested before projection existed. It also
// relays /registry/* (the search box) and serves the built dashboard. The lead swaps in projection.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { relay, summaryOf, type Reply, type Upstream } from './kpi-summary.ts';
import { StreamHub } from './stream-hub.ts';

export interface ShimOptions extends Upstream {
  readonly port?: number;
  readonly brokers: string[];
  readonly topicPrefix: string;
}

export interface Shim {
  readonly url: string;
  close(): Promise<void>;
}

const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const types: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.html': 'text/html; charset=utf-8',
};

function serveFile(pathname: string, response: http.ServerResponse): void {
  const file = path.join(dist, path.normalize(pathname).replace(/^(\.\.[/\\])+/, ''));
  const found =
    file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()
      ? file
      : path.join(dist, 'index.html');
  response.writeHead(200, { 'content-type': types[path.extname(found)] ?? 'application/octet-stream' });
  fs.createReadStream(found).pipe(response);
}

const send = (response: http.ServerResponse, reply: Reply): void => {
  response.writeHead(reply.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(reply.body));
};

function api(upstream: Upstream, url: URL, authorization: string): Promise<Reply> | undefined {
  const summary = /^\/api\/units\/([^/]+)\/summary$/.exec(url.pathname);
  if (summary)
    return summaryOf(
      upstream,
      decodeURIComponent(summary[1] ?? ''),
      url.searchParams.get('period') ?? '',
      authorization,
    );
  const explain = /^\/api\/units\/([^/]+)\/indicators\/([^/]+)\/explain$/.exec(url.pathname);
  if (explain)
    return relay(
      `${upstream.kpi}/units/${explain[1]}/indicators/${explain[2]}/explain${url.search}`,
      authorization,
    );
  if (url.pathname.startsWith('/registry/'))
    return relay(`${upstream.registry}${url.pathname.slice(9)}${url.search}`, authorization);
  return undefined;
}

interface Exchange {
  readonly request: http.IncomingMessage;
  readonly response: http.ServerResponse;
  readonly url: URL;
  readonly authorization: string;
}

async function stream(upstream: Upstream, hub: StreamHub, exchange: Exchange): Promise<void> {
  const { request, response, url, authorization } = exchange;
  const scope = url.searchParams.get('scope') ?? '';
  const period = url.searchParams.get('period') ?? '';
  const snapshot = await summaryOf(upstream, scope, period, authorization);
  if (snapshot.status !== 200) return send(response, snapshot);
  const view = snapshot.body as {
    unit: { code: string; name: string };
    children: { code: string; name: string }[];
  };
  const codes = new Map([
    [view.unit.code, view.unit.name],
    ...view.children.map((c) => [c.code, c.name] as const),
  ]);
  response.writeHead(200, {
    'content-type': 'text/event-stream',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  const lastId = request.headers['last-event-id'];
  const write = (event: string, data: unknown, id?: number) =>
    response.write(
      `${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`,
    );
  if (lastId === undefined) write('snapshot', snapshot.body, hub.last);
  const client = { codes, period, send: (id: number, change: unknown) => write('change', change, id) };
  const joined = hub.join(client, lastId === undefined ? undefined : Number(lastId));
  if (!joined.replayed) {
    write('reset', { reason: 'beyond retention' });
    write('snapshot', snapshot.body, hub.last);
  }
  const beat = setInterval(() => response.write(': hb\n\n'), 15_000);
  request.on('close', () => {
    clearInterval(beat);
    joined.leave();
  });
}

export async function startShim(options: ShimOptions): Promise<Shim> {
  const hub = new StreamHub();
  await hub.start(options.brokers, options.topicPrefix);
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const token = url.searchParams.get('access_token');
    const authorization = request.headers.authorization ?? (token ? `Bearer ${token}` : '');
    const answer =
      url.pathname === '/api/stream'
        ? stream(options, hub, { request, response, url, authorization })
        : api(options, url, authorization)?.then((r) => send(response, r));
    if (!answer) return serveFile(url.pathname, response);
    answer.catch(() => send(response, { status: 502, body: { title: 'upstream unavailable' } }));
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await hub.stop();
    },
  };
}
