import { Catch, HttpException, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { ConcurrencyConflict, DuplicateEventId } from '@nhip/event-sourcing';
import { DomainRuleViolation } from '@nhip/decider';
import { isConnectionError, wroteNothing } from '@nhip/postgres';
import type { FastifyReply } from 'fastify';
import { ProblemError, problemType, unsupportedMediaType, type Problem } from './problem.ts';

/** Every error leaves as application/problem+json; nothing unexpected leaks its stack. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  readonly #logger = new Logger('service');

  catch(error: unknown, host: ArgumentsHost): void {
    const problem = toProblem(error);
    // The client gets no stack; the operators do, under `err` on the request's correlation id.
    // A database outage is logged once by the pool, not once per refused request.
    if (problem.status >= 500 && problem.status !== 503) this.#logger.error({ err: error }, 'request failed');
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (problem.status === 503) void reply.header('retry-after', String(retryAfterSeconds));
    if (error instanceof ProblemError)
      for (const [name, value] of Object.entries(error.headers)) void reply.header(name, value);
    void reply
      .status(problem.status)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .send(problem);
  }
}

export function toProblem(error: unknown): Problem {
  if (error instanceof ProblemError) return error.problem;
  if (error instanceof DomainRuleViolation) {
    return {
      type: problemType(error.code),
      title: 'The request breaks a business rule',
      status: statusOfRule(error.code),
      detail: error.message,
      ...(error.problems.length > 0
        ? { errors: error.problems.map(({ field, reason }) => ({ field, reason })) }
        : {}),
    };
  }
  if (error instanceof ConcurrencyConflict || error instanceof DuplicateEventId) {
    return {
      type: problemType('conflict'),
      title: 'Changed by someone else',
      status: 409,
      detail: error.message,
    };
  }
  if (error instanceof HttpException) return fromHttpException(error);
  if (isConnectionError(error)) return databaseUnavailable(error as Error);
  return {
    type: problemType('internal'),
    title: 'Internal error',
    status: 500,
    detail: 'The service could not complete the request; the error is logged with its stack.',
  };
}

function fromHttpException(error: HttpException): Problem {
  const status = error.getStatus();
  if (status === 413) {
    return {
      type: problemType('body-too-large'),
      title: 'Request body too large',
      status,
      detail: 'The body exceeds the size the service accepts; split the file.',
      errors: [{ field: 'body', reason: 'too large' }],
    };
  }
  // Fastify's, for a body no parser of the service reads (text/plain, XML): what it takes instead.
  if (status === 415)
    return unsupportedMediaType(
      'Unsupported content type',
      `${error.message}. Send JSON as application/json, a file as the route's documentation says.`,
      'not a type this route takes',
    ).problem;
  // Fastify's own refusals (unparseable JSON) concern the body as a whole.
  return {
    type: problemType(status === 404 ? 'not-found' : 'invalid-request'),
    title: status === 404 ? 'No such resource' : 'The request is not valid',
    status,
    detail: error.message,
    errors: [{ field: status === 404 ? 'path' : 'body', reason: error.message }],
  };
}

/** A client may retry this soon: the pool reconnects by itself once the database answers. */
export const retryAfterSeconds = 2;

function databaseUnavailable(error: Error): Problem {
  const problem = {
    type: problemType('database-unavailable'),
    title: 'Service unavailable',
    status: 503,
    detail: `The database is unreachable (${error.message}). Retry the same request later.`,
  };
  // Cut mid-COMMIT, the write may have landed: a retry with the same id is recorded once. A sole
  // write that failed before it was sent did not, and the client is told so (docs/adr/0020).
  if (!wroteNothing(error)) return problem;
  const detail = `The database is unreachable (${error.message}). Nothing was written; retry the same request later.`;
  return { ...problem, detail, committed: false };
}

/** Rule codes keep their meaning for clients: missing things are 404, existing ones 409. */
function statusOfRule(code: string): number {
  if (code.endsWith('_not_found')) return 404;
  if (code.endsWith('_already_registered')) return 409;
  return 422;
}
