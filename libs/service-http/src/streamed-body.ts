// A body handed to its controller unread, for files too large to hold whole (the activity service's
// bulk upload, docs/adr/0039). Fastify enforces the body limit only on bodies it reads itself, so
// the reader enforces it here: a declared length over it is refused before a byte is read, and a
// body that grows past it while read is refused then. Neither destroys the request, so the 413
// goes out after the upload is drained (answerRefusalsWithoutReset), not as a reset connection.
import type { Readable } from 'node:stream';
import { PayloadTooLargeException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { ProblemError, problemType, unsupportedMediaType } from './problem.ts';

export class StreamedBody {
  readonly #stream: Readable;
  readonly #limit: number;

  constructor(stream: Readable, limit: number) {
    this.#stream = stream;
    this.#limit = limit;
  }

  /** The body's bytes as they arrive; a 413 past the limit, a 400 if the client stops mid-way. */
  async *chunks(): AsyncGenerator<Buffer> {
    let received = 0;
    // Leaving early (a 413, a failed write) must not destroy the request: its answer still goes out.
    const chunks = this.#stream.iterator({ destroyOnReturn: false }) as AsyncIterable<Buffer>;
    try {
      for await (const chunk of chunks) {
        received += chunk.length;
        if (received > this.#limit) throw new PayloadTooLargeException();
        yield chunk;
      }
    } catch (error) {
      if (error instanceof PayloadTooLargeException) throw error;
      throw interrupted(error);
    }
    // A request that ended without its last byte (any other stream has no such flag).
    if ((this.#stream as Readable & { complete?: boolean }).complete === false) throw interrupted(undefined);
  }
}

const interrupted = (cause: unknown) =>
  new ProblemError({
    type: problemType('upload-interrupted'),
    title: 'The upload stopped before the end of the file',
    status: 400,
    detail: `The connection ended before the whole body arrived${cause instanceof Error ? ` (${cause.message})` : ''}; nothing was written. Send the file again.`,
    errors: [{ field: 'body', reason: 'incomplete upload' }],
  });

/** Which routes take which content types unread: a file upload, and only where it is expected. */
export interface StreamedUploads {
  /** Route paths as declared, e.g. '/activities/bulk'. */
  readonly routes: readonly string[];
  readonly types: readonly string[];
}

/**
 * Hands bodies of these content types to their routes as a StreamedBody instead of reading them.
 * Any other route refuses them with a 415 before reading a byte: a parser for the whole service
 * would hand an unread stream to a controller that expects JSON, whose 400 then left the rest of
 * the body to Node's unbounded drain (the bounded one is answerRefusalsWithoutReset's).
 */
export function streamBodies(fastify: FastifyInstance, uploads: StreamedUploads, limit: number): void {
  for (const type of uploads.types) {
    fastify.addContentTypeParser(type, (request, payload, done) => {
      const declared = Number(request.headers['content-length'] ?? 0);
      // No route here: the 404 says so, not this parser.
      if (request.is404) done(null, undefined);
      else if (!uploads.routes.includes(request.routeOptions.url ?? ''))
        done(notHere(type, uploads), undefined);
      else if (declared > limit) done(new PayloadTooLargeException(), undefined);
      else done(null, new StreamedBody(payload, limit));
    });
  }
}

const notHere = (type: string, uploads: StreamedUploads) =>
  unsupportedMediaType(
    'This route does not take that content type',
    `${type} is a file upload, taken only by ${uploads.routes.join(', ')}; send this route the content type its API documentation (/docs) names.`,
    `${type} is not accepted here`,
  );
