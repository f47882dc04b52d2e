// The request a log line belongs to, for every line logged while serving it (ADR 0014): the
// request log sets it as a request arrives, the signed-in caller is added once verified, and the
// service's logger copies both onto each line it writes inside the request (logger.ts' mixin).
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestLogContext {
  readonly correlationId: string;
  /** The signed-in caller, once its token is verified (nameCaller). */
  actor?: string;
}

export const requestLogContext = new AsyncLocalStorage<RequestLogContext>();

/** The fields a line logged inside a request carries; none outside one. */
export function requestLogFields(): { correlationId?: string; actor?: string } {
  const context = requestLogContext.getStore();
  if (context === undefined) return {};
  return context.actor === undefined
    ? { correlationId: context.correlationId }
    : { correlationId: context.correlationId, actor: context.actor };
}
