// /metrics in Prometheus' text format on every service, and the HTTP server's request duration
// recorded for every request under its route pattern (never the raw path, whose codes and ids
// would make a series per unit). Open without a token like the probes: it holds only aggregates,
// and a scraper inside the cluster should not need a user's credentials (docs/adr/0031).
import { collectProcessMetrics, httpServerDuration, metricsText, nameServerSpan } from '@nhip/telemetry';
import type { FastifyInstance } from 'fastify';

export function mountMetrics(fastify: FastifyInstance): void {
  collectProcessMetrics();
  fastify.addHook('onRequest', (request, _reply, done) => {
    nameServerSpan(request.method, request.routeOptions.url);
    done();
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    httpServerDuration.observe(
      {
        http_request_method: request.method,
        // Requests no route matched share one series rather than one per path tried.
        http_route: request.routeOptions.url ?? '',
        http_response_status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
  fastify.get('/metrics', async (_request, reply) => {
    const { contentType, text } = await metricsText();
    return reply.header('content-type', contentType).send(text);
  });
}
