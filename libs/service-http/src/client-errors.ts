// Requests Node's HTTP parser cannot read (a URL with raw UTF-8, headers too large, a request that
// took too long to arrive) never reach a route; Fastify answered them with its own JSON shape. Every
// answer of the service is RFC 9457, these too, with what to change.
import type { Socket } from 'node:net';
import { problemType, type Problem } from './problem.ts';

const reasons: Readonly<
  Record<string, Pick<Problem, 'status' | 'title' | 'detail'> & { statusText: string }>
> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    statusText: 'Request Header Fields Too Large',
    title: 'Request headers too large',
    detail: 'The request headers exceed what the service reads; send a shorter token or fewer cookies.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    statusText: 'Request Timeout',
    title: 'The request took too long to arrive',
    detail: 'The request was not received in time; send it again.',
  },
};

const unreadable = {
  status: 400,
  statusText: 'Bad Request',
  title: 'The request could not be read',
  detail:
    'The request line or its headers are not valid HTTP; a URL must be percent-encoded (Hòa Phú as H%C3%B2a%20Ph%C3%BA).',
};

/** The raw response written for a request the parser refused: a problem, then the connection closed. */
export function clientErrorResponse(code: string | undefined): string {
  const { statusText, ...said } = (code && reasons[code]) || unreadable;
  const problem: Problem = {
    type: problemType('unreadable-request'),
    ...said,
    errors: [{ field: 'request', reason: code ?? 'unreadable' }],
  };
  const body = JSON.stringify(problem);
  return [
    `HTTP/1.1 ${said.status} ${statusText}`,
    'Content-Type: application/problem+json; charset=utf-8',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** What Node's server keeps on the socket of a response it is writing (a stream held open). */
type ServerSocket = Socket & { _httpMessage?: { headersSent?: boolean } };

/**
 * Fastify's clientErrorHandler. A connection already gone, or one carrying an answer already begun
 * (a pipelined request after an open stream's), is closed without writing; otherwise the problem
 * is written and the socket destroyed once it is out: the server keeps half-open sockets, and a
 * client that never closes its side would hold this one.
 */
export function answerClientError(error: Error & { code?: string }, socket: ServerSocket): void {
  const gone = error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable;
  if (gone || socket._httpMessage?.headersSent === true) {
    socket.destroy();
    return;
  }
  socket.end(clientErrorResponse(error.code), () => socket.destroy());
}
