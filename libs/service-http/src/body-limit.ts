// A body over the limit gets its 413 at once (and a request without a token its 401, before the
// body is read), but the connection closes only after the rest of
// the upload has been read and discarded. Closing with unread bytes makes the kernel reset the
// socket, and a client still writing then sees EPIPE / "fetch failed" instead of the 413 (measured:
// 8–18 of 30 uploads of 10 MB; 0 of 60 with this hook). The drain is bounded so a client that
// never stops sending cannot hold the connection.
import type { FastifyInstance } from 'fastify';

export function answerTooLargeWithoutReset(fastify: FastifyInstance, maxDrainMs = 30_000): void {
  fastify.addHook('onSend', (request, reply, _payload, done) => {
    const req = request.raw;
    const res = reply.raw;
    if ((reply.statusCode === 413 || reply.statusCode === 401) && !req.complete && !req.destroyed) {
      const end = res.end.bind(res);
      res.end = ((chunk?: string | Buffer | null) => {
        if (chunk != null) res.write(chunk);
        const limit = setTimeout(() => req.destroy(), maxDrainMs);
        let ended = false;
        const finish = () => {
          if (ended) return;
          ended = true;
          clearTimeout(limit);
          end();
        };
        req.once('end', finish).once('close', finish).resume();
        return res;
      }) as typeof res.end;
    }
    done();
  });
}
