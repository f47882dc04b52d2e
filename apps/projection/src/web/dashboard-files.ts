// The built dashboard (apps/ioc-web/dist): a file when the path names one inside it, else
// index.html, so the single-page app's own routes load on a refresh.
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import type { FastifyReply } from 'fastify';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

const isFile = (file: string) => {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

export function serveDashboardFile(root: string, url: string, reply: FastifyReply): void {
  const wanted = decodeURIComponent(url.split('?')[0] ?? '/');
  const file = path.resolve(root, `.${path.posix.normalize(wanted)}`);
  const inside = file.startsWith(path.resolve(root) + path.sep);
  const chosen = inside && isFile(file) ? file : path.join(root, 'index.html');
  const hashed =
    chosen !== path.join(root, 'index.html') && /[.-][0-9a-zA-Z_-]{8,}\./.test(path.basename(chosen));
  void reply
    .code(200)
    .header('content-type', types[path.extname(chosen)] ?? 'application/octet-stream')
    .header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache')
    .send(createReadStream(chosen));
}
