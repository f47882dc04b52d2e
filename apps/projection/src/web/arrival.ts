// What the projection does with a request as it arrives, before routing reaches Nest: a browser's
// EventSource cannot set headers, so the stream's token may come as ?access_token= (moved into the
// Authorization header, and out of the URL that request logs show); the dashboard's files are
// served to anyone (they hold no data: every figure comes from the signed-in API); everything else
// without a token is refused at once, as on every service.
import { existsSync } from 'node:fs';
import { refuseAnonymousOnArrival } from '@nhip/auth';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { serveDashboardFile } from './dashboard-files.ts';

const api = /^\/(api|health|metrics|docs)(?:[/?-]|$)/;
const tokenInQuery = /([?&])access_token=([^&]*)/;

function tokenFromQuery(request: FastifyRequest): void {
  const found = tokenInQuery.exec(request.raw.url ?? '');
  if (!found || request.headers.authorization !== undefined) return;
  request.headers.authorization = `Bearer ${decodeURIComponent(found[2] ?? '')}`;
  request.raw.url = (request.raw.url ?? '').replace(tokenInQuery, '$1access_token=redacted');
}

const isForDashboard = (request: FastifyRequest): boolean =>
  !api.test(request.url) && (request.method === 'GET' || request.method === 'HEAD');

export function projectionArrival(dashboardDir: string | undefined) {
  const dashboard = dashboardDir !== undefined && existsSync(dashboardDir) ? dashboardDir : undefined;
  return (fastify: FastifyInstance): void => {
    fastify.addHook('onRequest', (request, reply, done) => {
      tokenFromQuery(request);
      if (dashboard && isForDashboard(request)) serveDashboardFile(dashboard, request.url, reply);
      else done();
    });
    refuseAnonymousOnArrival(fastify);
  };
}
