// Liveness and readiness, the way an orchestrator asks: /health/live answers while the process
// runs (restart it only if this fails); /health/ready answers 200 only when every dependency it
// needs answers, else 503 naming what is missing (take it out of rotation, do not restart it).
import { errorSummary } from '@nhip/messaging';
import type { OutageLog } from '@nhip/postgres';
import type { FastifyInstance } from 'fastify';
import type { ServiceLogger } from './logger.ts';
import { problemType, type Problem } from './problem.ts';

/**
 * One thing the service needs to do its work. `probe` resolves when it is there and rejects (its
 * message is the reason) when not; it should bound its own wait. The extension point for the
 * broker or any later dependency: add one to ServeOptions.readiness in main.ts.
 */
export interface ReadinessCheck {
  /** e.g. "database": the reason reads "database unreachable: <message>". */
  readonly name: string;
  readonly probe: () => Promise<void>;
}

/** A dependency that reports what is missing (undefined when all is well), as brokerCheck does. */
export function reportedBy(reporter: {
  readonly name: string;
  check(): Promise<string | undefined>;
}): ReadinessCheck {
  return {
    name: reporter.name,
    probe: async () => {
      const missing = await reporter.check();
      if (missing !== undefined) throw new Error(missing);
    },
  };
}

export function mountProbes(fastify: FastifyInstance, name: string, checks: readonly ReadinessCheck[]): void {
  fastify.get('/health/live', (_request, reply) => reply.send({ status: 'ok', service: name }));
  fastify.get('/health/ready', async (_request, reply) => {
    const missing = await missingDependencies(checks);
    if (missing.length === 0) return { status: 'ok', service: name };
    const problem: Problem = {
      type: problemType('not-ready'),
      title: 'Service not ready',
      status: 503,
      detail: missing.map(({ field, reason }) => `${field} unreachable: ${reason}`).join('; '),
      errors: missing,
    };
    return reply
      .status(503)
      .header('content-type', 'application/problem+json; charset=utf-8')
      .header('retry-after', '2')
      .send(problem);
  });
}

interface Missing {
  readonly field: string;
  readonly reason: string;
}

/** Every check runs at once; those that failed and why, in the checks' order. */
async function missingDependencies(checks: readonly ReadinessCheck[]): Promise<Missing[]> {
  const results = await Promise.all(
    checks.map(async ({ name, probe }) => {
      try {
        await probe();
        return [];
      } catch (error) {
        // An error that wraps others (an AggregateError, a Kafka client's retries) with its causes, each once.
        return [{ field: name, reason: errorSummary(error) }];
      }
    }),
  );
  return results.flat();
}

/** An outage logged as two lines: when `what` is lost (with the error) and when it is back. */
export function outageLog(logger: ServiceLogger, what: string): OutageLog {
  return {
    lost: (error) => logger.warn({ err: error }, `${what} unreachable; retrying with backoff`),
    back: (downForMs) => logger.info({ downForMs }, `${what} back after ${downForMs} ms`),
  };
}
