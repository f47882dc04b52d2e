// The proxy against a tiny echo server on real loopback sockets. Timings are asserted only from
// below (a fault never delivers early); a loaded machine may always deliver later.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { eventually } from '@nhip/testing';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { TcpFaultProxy, type Endpoint } from './tcp-fault-proxy.ts';

interface Echo {
  endpoint: Endpoint;
  connections: number;
  errors: string[];
  close: () => Promise<void>;
}

/** Echoes every byte and closes its side when the client closes its side. */
async function startEcho(): Promise<Echo> {
  const echo = { connections: 0, errors: [] as string[] };
  const server = net.createServer((socket) => {
    echo.connections += 1;
    socket.on('error', (e: NodeJS.ErrnoException) => echo.errors.push(e.code ?? e.message));
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return Object.assign(echo, {
    endpoint: { host: '127.0.0.1', port },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** A connected client that keeps what it receives and how it ended. */
interface Client {
  socket: net.Socket;
  received: () => string;
  raw: () => Buffer;
  /** Resolves once `n` bytes in all have arrived. */
  bytes: (n: number) => Promise<void>;
  /** Resolves with the error code the socket closed with, or 'clean' after a FIN. */
  ended: Promise<string>;
}

function connect({ host, port }: Endpoint): Promise<Client> {
  const socket = net.connect({ host, port, noDelay: true });
  const chunks: Buffer[] = [];
  let length = 0;
  let ending = 'clean';
  socket.on('data', (chunk: Buffer) => {
    chunks.push(chunk);
    length += chunk.length;
  });
  socket.on('error', (e: NodeJS.ErrnoException) => (ending = e.code ?? e.message));
  const ended = new Promise<string>((resolve) => socket.on('close', () => resolve(ending)));
  const bytes = (n: number): Promise<void> =>
    new Promise((resolve) => {
      const check = (): void => {
        if (length < n) return;
        socket.off('data', check);
        resolve();
      };
      socket.on('data', check);
      check();
    });
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    const raw = (): Buffer => Buffer.concat(chunks);
    socket.once('connect', () => resolve({ socket, received: () => raw().toString(), raw, bytes, ended }));
  });
}

/**
 * How a connection that sends nothing ends: its error code, or 'clean'. An RST sent right after
 * the accept may reach the client before its connect callback runs, so this does not wait for one.
 */
function attempt({ host, port }: Endpoint): Promise<string> {
  const socket = net.connect({ host, port });
  let ending = 'clean';
  socket.on('error', (e: NodeJS.ErrnoException) => (ending = e.code ?? e.message));
  return new Promise((resolve) => socket.on('close', () => resolve(ending)));
}

/** Milliseconds from writing `text` until its echo is back in full. */
async function roundTrip(client: Client, text: string): Promise<number> {
  const before = client.received().length;
  const started = performance.now();
  client.socket.write(text);
  await client.bytes(before + text.length);
  return performance.now() - started;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('the TCP fault proxy, in front of an echo server', () => {
  let echo: Echo;
  let proxy: TcpFaultProxy;
  const clients: Client[] = [];
  const client = async (): Promise<Client> => {
    const c = await connect(proxy.endpoint);
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    echo = await startEcho();
  });
  afterAll(async () => {
    await echo.close();
  });
  beforeEach(async () => {
    proxy = await TcpFaultProxy.start(echo.endpoint);
  });
  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.destroy();
    await proxy.close();
  });

  it('listens on loopback only and forwards both ways, counting connections and bytes', async () => {
    expect(proxy.endpoint.host).toBe('127.0.0.1');
    const c = await client();
    await roundTrip(c, 'xin chào');
    expect(c.received()).toBe('xin chào');
    const size = Buffer.byteLength('xin chào');
    expect(proxy.stats()).toEqual({
      accepted: 1,
      open: 1,
      refused: 0,
      reset: 0,
      bytes: { upstream: size, downstream: size },
    });
  });

  it('passes a half-close on behind the bytes and forgets the connection once both sides closed', async () => {
    const c = await client();
    c.socket.end('last words');
    expect(await c.ended).toBe('clean');
    expect(c.received()).toBe('last words');
    await eventually(() => proxy.stats().open === 0);
  });

  it('adds latency in the chosen direction only, and in both when asked', async () => {
    const c = await client();
    proxy.latency(150, 0, 'upstream');
    expect(await roundTrip(c, 'a')).toBeGreaterThanOrEqual(150);
    proxy.latency(150, 0, 'downstream');
    expect(await roundTrip(c, 'b')).toBeGreaterThanOrEqual(300);
    proxy.latency(0, 0, 'upstream');
    proxy.latency(120, 0, 'both');
    expect(await roundTrip(c, 'c')).toBeGreaterThanOrEqual(240);
  });

  it('keeps bytes in order however the jitter falls', async () => {
    proxy.latency(15, 15);
    const c = await client();
    const parts = Array.from({ length: 60 }, (_, i) => `<${i}>`);
    for (const part of parts) {
      c.socket.write(part);
      // Separate writes become separate chunks, each with its own draw of jitter.
      await pause(1);
    }
    await c.bytes(parts.join('').length);
    expect(c.received()).toBe(parts.join(''));
  });

  it('carries megabytes intact under latency, the receiver setting the pace', async () => {
    proxy.latency(5, 5);
    const c = await client();
    // Far more than the kernel's socket buffers hold, so a receiver that stops reading stops the
    // proxy too instead of piling the rest up in its memory.
    const payload = randomBytes(32 * 1024 * 1024);
    c.socket.pause();
    c.socket.write(payload);
    await pause(300);
    expect(proxy.stats().bytes.downstream).toBeLessThan(payload.length / 2);
    c.socket.resume();
    await c.bytes(payload.length);
    expect(c.raw().equals(payload)).toBe(true);
    expect(proxy.stats().bytes).toEqual({ upstream: payload.length, downstream: payload.length });
  });

  it('rejects a negative latency', () => {
    expect(() => proxy.latency(-1)).toThrow(RangeError);
    expect(() => proxy.latency(10, Number.NaN)).toThrow(RangeError);
  });

  it('resets every open connection, both sides seeing ECONNRESET, and lets new ones through', async () => {
    const [a, b] = [await client(), await client()];
    await roundTrip(a, 'a');
    await roundTrip(b, 'b');
    const echoErrors = echo.errors.length;
    expect(proxy.reset()).toBe(2);
    expect([await a.ended, await b.ended]).toEqual(['ECONNRESET', 'ECONNRESET']);
    await eventually(() => echo.errors.length >= echoErrors + 2);
    expect(echo.errors.slice(echoErrors)).toEqual(['ECONNRESET', 'ECONNRESET']);
    expect(proxy.stats()).toMatchObject({ open: 0, reset: 2 });
    const next = await client();
    await roundTrip(next, 'again');
    expect(next.received()).toBe('again');
  });

  it('holds every byte in a black hole, old and new connections alike, and delivers them after heal', async () => {
    const old = await client();
    await roundTrip(old, 'before ');
    proxy.blackhole();
    const fresh = await client();
    const bytesBefore = proxy.stats().bytes;
    old.socket.write('during');
    fresh.socket.write('during');
    await pause(300);
    expect([old.received(), fresh.received()]).toEqual(['before ', '']);
    expect(proxy.stats().bytes).toEqual(bytesBefore);
    expect(proxy.stats().open).toBe(2);
    proxy.heal();
    await Promise.all([old.bytes('before during'.length), fresh.bytes('during'.length)]);
    expect([old.received(), fresh.received()]).toEqual(['before during', 'during']);
  });

  it('black-holes one direction: the request arrives, the answer waits for heal', async () => {
    const c = await client();
    proxy.blackhole('downstream');
    c.socket.write('ping');
    await pause(300);
    expect(proxy.stats().bytes).toEqual({ upstream: 4, downstream: 0 });
    expect(c.received()).toBe('');
    proxy.heal();
    await c.bytes(4);
    expect(c.received()).toBe('ping');
  });

  it('refuses new connections with a reset before reaching the upstream, open ones carry on', async () => {
    const open = await client();
    // Its echo proves the proxy's own connection upstream is made, so the count below is settled.
    await roundTrip(open, 'here ');
    const reached = echo.connections;
    proxy.refuse();
    expect(await attempt(proxy.endpoint)).toBe('ECONNRESET');
    expect(echo.connections).toBe(reached);
    expect(await roundTrip(open, 'still here')).toBeGreaterThan(0);
    expect(proxy.stats()).toMatchObject({ accepted: 2, refused: 1, open: 1 });
    proxy.heal();
    const after = await client();
    await roundTrip(after, 'welcome back');
    expect(after.received()).toBe('welcome back');
  });

  it('resets the client when the upstream cannot be reached', async () => {
    const gone = await startEcho();
    await gone.close();
    const lost = await TcpFaultProxy.start(gone.endpoint);
    try {
      expect(await attempt(lost.endpoint)).toBe('ECONNRESET');
      expect(lost.stats().open).toBe(0);
    } finally {
      await lost.close();
    }
  });

  it('closes its connections and its port on close()', async () => {
    const c = await client();
    const { port } = proxy.endpoint;
    await proxy.close();
    // A plain close, not a reset: close() is the end of a test, not a fault.
    expect(await c.ended).toBe('clean');
    await expect(connect({ host: '127.0.0.1', port })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    proxy = await TcpFaultProxy.start(echo.endpoint);
  });
});
