// Bodies over the limit are refused from their Content-Length, before a byte is read, with
// Connection: close so the client stops sending instead of waiting on a half-read request.
import type { FastifyInstance } from 'fastify';
import { problemType, type Problem } from './problem.ts';

export function guardBodySize(fastify: FastifyInstance, maxBytes: number): void {
  fastify.addHook('onRequest', async (request, reply) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (!(declared > maxBytes)) return;
    const problem: Problem = {
      type: problemType('body-too-large'),
      title: 'Request body too large',
      status: 413,
      detail: `The body has ${declared} bytes; the registry accepts at most ${maxBytes}. Split the file.`,
      errors: [{ field: 'body', reason: `at most ${maxBytes} bytes` }],
    };
    await reply
      .code(413)
      .header('connection', 'close')
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  });
}
