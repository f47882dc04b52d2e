// A request that carries no bearer token is refused as it arrives, before its body is read: an
// anonymous client must not make a service take in a 64 MB upload only to be told to sign in. Every
// token still goes through the guard; this answers only the requests without one. Health, metrics
// and the API docs stay open, as they do in the guard (@Public).
import type { FastifyInstance } from 'fastify';
import { invalidToken, noToken } from './problems.ts';

const open = /^\/(health|metrics|docs)(?:[/?-]|$)/;
const bearer = /^Bearer\s+\S/i;

export function refuseAnonymousOnArrival(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    if (open.test(request.url) || bearer.test(request.headers.authorization ?? '')) {
      done();
      return;
    }
    const refusal = invalidToken(noToken);
    void reply
      .code(401)
      .headers(refusal.headers)
      .type('application/problem+json')
      .send({ ...refusal.problem, instance: request.url.split('?')[0] });
  });
}
