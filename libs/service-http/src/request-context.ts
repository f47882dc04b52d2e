import { randomUUID } from 'node:crypto';

/** What every write carries besides its body: idempotency, correlation, who, when. */
export interface RequestContext {
  /** The client's Idempotency-Key: a retry with the same key gets the first answer. */
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string;
  /** The signed-in caller's subject (the token's `sub`): the writer recorded on events and audit rows. */
  readonly actor: string;
  readonly now: Date;
}

/** The context of a request made by `caller` (verified by @nhip/auth's guard, never a header). */
export function requestContext(
  headers: Record<string, string | undefined>,
  caller: { readonly subject: string },
): RequestContext {
  return {
    idempotencyKey: headers['idempotency-key'],
    correlationId: headers['x-correlation-id'] ?? randomUUID(),
    actor: caller.subject,
    now: new Date(),
  };
}

export const commandIdOf = (ctx: RequestContext): string => ctx.idempotencyKey ?? randomUUID();
