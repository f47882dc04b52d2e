// P8's peer, run as a child process like the service: a bare node:http Server-Sent Events loop.
// GET /stream holds the response open; POST /fire writes the frames it is given, pre-serialised, to
// every open response, one after the other: fan-out with no framework, no scope, no bookkeeping.
import http from 'node:http';

const streams = new Set<http.ServerResponse>();

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url?.startsWith('/stream')) {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
    res.write(': hello\n\n');
    streams.add(res);
    req.on('close', () => streams.delete(res));
    return;
  }
  if (req.method === 'POST' && req.url === '/fire') {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      for (const frame of JSON.parse(body) as string[]) for (const stream of streams) stream.write(frame);
      res.writeHead(204).end();
    });
    return;
  }
  res.writeHead(404).end();
});

server.listen(Number(process.env['RAW_PORT']), '127.0.0.1', () => {
  process.stdout.write('ready\n');
});
