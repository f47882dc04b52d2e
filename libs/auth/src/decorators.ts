// How a controller says who may call it. Every route of a service behind AuthModule needs a token
// unless it is @Public(); a route that declares no @Roles is refused to everyone, so an endpoint
// added without thinking about access is closed, not open.
import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { requestContext, type RequestContext } from '@nhip/service-http';
import { roles as allRoles, type Principal, type Role } from './claims.ts';

export const PUBLIC = 'nhip:public';
export const ROLES = 'nhip:roles';

/** Health, docs and metrics: answered without a token. */
export const Public = () => applyDecorators(SetMetadata(PUBLIC, true), ApiExtension('x-roles', ['public']));

/** Every role may call it (reference data such as the unit trees), still only signed in. */
export const anyRole: readonly Role[] = allRoles;

/**
 * The roles allowed here. The OpenAPI document carries them as `x-roles` beside the bearer scheme,
 * so /docs can try the endpoint with a token and a client can read who may call it; its 401 and
 * 403 are written from them when the document is built (withStandardResponses), not declared here:
 * a declared response would stop Nest from documenting the route's success.
 */
export const Roles = (...allowed: readonly Role[]) =>
  applyDecorators(SetMetadata(ROLES, allowed), ApiBearerAuth(), ApiExtension('x-roles', allowed));

/** The request as the guard leaves it: the verified caller on it. */
export interface SignedInRequest {
  principal?: Principal;
}

/** The signed-in caller of this request (only on routes with @Roles). */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<SignedInRequest>().principal;
  // The guard ran before any parameter is resolved; without it this route was never reachable.
  if (!principal) throw new Error('Caller used on a route without @Roles');
  return principal;
});

/** A signed-in request's context: idempotency, correlation, time, and the caller as the actor. */
export interface CallContext extends RequestContext {
  readonly caller: Principal;
}

/** The request's context with its verified caller: what a write hands its handler. */
export const Context = createParamDecorator((_data: unknown, context: ExecutionContext): CallContext => {
  const request = context
    .switchToHttp()
    .getRequest<SignedInRequest & { headers: Record<string, string | undefined> }>();
  if (!request.principal) throw new Error('Context used on a route without @Roles');
  return { ...requestContext(request.headers, request.principal), caller: request.principal };
});
