// What the projection does with a request as it arrives, before routing reaches Nest: a browser's
// EventSource cannot set headers, so the stream's token may come as ?access_token= (moved into the
// Authorization header, and out of the URL that request logs show); the dashboard's files are
// served to anyone (they hold no data: every figure comes from the signed-in API); everything else
// without a token is refused at once, as on every service.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serveDashboardFile } from './dashboard-files.ts';

const api = /^\/(api|registry|health|metrics|docs)(?:[/?-]|$)/;
const tokenInQuery = /([?&])access_token=([^&]*)/;

function tokenFromQuery(request: FastifyRequest): void {
  const found = tokenInQuery.exec(request.raw.url ?? '');
  if (!found || request.headers.authorization !== undefined) return;
  request.headers.authorization = `Bearer ${decodeURIComponent(found[2] ?? '')}`;
  request.raw.url = (request.raw.url ?? '').replace(tokenInQuery, '$1access_token=redacted');
}

const isForDashboard = (request: FastifyRequest): boolean =>
  !api.test(request.url) && (request.method === 'GET' || request.method === 'HEAD');

// Looked for on each page request, not once at start: npm start builds the dashboard after the
// services are up, and a rebuild while the projection runs is served at once.
const isBuilt = (dir: string | undefined): dir is string =>
  dir !== undefined && existsSync(path.join(dir, 'index.html'));

export function projectionArrival(dashboardDir: string | undefined) {
  return (fastify: FastifyInstance): void => {
    fastify.addHook('onRequest', (request, reply, done) => {
      tokenFromQuery(request);
      if (isForDashboard(request) && isBuilt(dashboardDir))
        serveDashboardFile(dashboardDir, request.url, reply);
      else done();
    });
    refuseAnonymousOnArrival(fastify);
  };
}
