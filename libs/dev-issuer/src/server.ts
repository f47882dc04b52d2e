// The development issuer: OIDC discovery and the JWKS on a local port (node:http), keys read from
// disk on every request so a rotation by another process shows at once. It signs in nobody: tokens
// come from mintToken, or from GET /dev/token for someone trying the API in /docs.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isRole } from '@nhip/contracts';
import { ensureKeys, readKeys } from './keys.ts';
import { mintToken } from './mint.ts';

export interface DevIssuer {
  readonly url: string;
  close(): Promise<void>;
}

export async function startDevIssuer(options: { dir: string; port: number }): Promise<DevIssuer> {
  await ensureKeys(options.dir);
  let issuer = `http://127.0.0.1:${options.port}`;
  const server = http.createServer((request, response) => {
    answer(options.dir, issuer, request.url ?? '/').then(
      ({ status, body }) => {
        response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        response.end(JSON.stringify(body));
      },
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: String(error) }));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: issuer,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function answer(dir: string, issuer: string, url: string): Promise<{ status: number; body: unknown }> {
  const { pathname, searchParams } = new URL(url, issuer);
  if (pathname === '/.well-known/openid-configuration') {
    return {
      status: 200,
      body: {
        issuer,
        jwks_uri: `${issuer}/jwks`,
        id_token_signing_alg_values_supported: ['ES256'],
        response_types_supported: ['id_token'],
        subject_types_supported: ['public'],
      },
    };
  }
  if (pathname === '/jwks') return { status: 200, body: { keys: readKeys(dir).map((k) => k.publicJwk) } };
  if (pathname === '/dev/token') return devToken(dir, issuer, searchParams);
  return { status: 404, body: { error: 'not found' } };
}

/** `/dev/token?role=&unit=&unit_tree=&sub=`: a token for someone trying the API in /docs. */
async function devToken(
  dir: string,
  issuer: string,
  searchParams: URLSearchParams,
): Promise<{ status: number; body: unknown }> {
  const role = searchParams.get('role');
  if (!isRole(role)) return { status: 400, body: { error: 'role must be one of the Nhịp roles' } };
  const unit = searchParams.get('unit');
  const unitTree = searchParams.get('unit_tree');
  const sub = searchParams.get('sub') ?? `dev-${role}`;
  const request = { sub, role, ...(unit ? { unit } : {}), ...(unitTree ? { unitTree } : {}) };
  return { status: 200, body: { token: await mintToken(dir, issuer, request) } };
}
