import { randomUUID } from 'node:crypto';

/** What every write carries besides its body: idempotency, correlation, who, when. */
export interface RequestContext {
  /** The client's Idempotency-Key: a retry with the same key gets the first answer. */
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string;
  /** Pseudonymous id of the acting user (X-Actor until token authentication lands). */
  readonly actor: string;
  readonly now: Date;
}

export function requestContext(headers: Record<string, string | undefined>): RequestContext {
  return {
    idempotencyKey: headers['idempotency-key'],
    correlationId: headers['x-correlation-id'] ?? randomUUID(),
    actor: headers['x-actor'] ?? 'anonymous',
    now: new Date(),
  };
}

export const commandIdOf = (ctx: RequestContext): string => ctx.idempotencyKey ?? randomUUID();
