// Who asks, as the projection passes the question on: the verified caller (for its own scope
// checks) and the Authorization header it came with (the KPI service checks the caller again).
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Principal } from '@nhip/auth';

export interface Asker {
  readonly principal: Principal;
  readonly authorization: string;
}

export const Asking = createParamDecorator((_data: unknown, context: ExecutionContext): Asker => {
  const request = context
    .switchToHttp()
    .getRequest<{ principal?: Principal; headers: Record<string, string | undefined> }>();
  // The guard ran before any parameter is resolved; without it this route was never reachable.
  if (!request.principal) throw new Error('Asking used on a route without @Roles');
  return { principal: request.principal, authorization: request.headers['authorization'] ?? '' };
});
