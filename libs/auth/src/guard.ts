import type { IncomingMessage } from 'node:http';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { nameCaller, ProblemError, problemType } from '@nhip/service-http';
import type { Role } from './claims.ts';
import { PUBLIC, ROLES, type SignedInRequest } from './decorators.ts';
import { roleMissing } from './problems.ts';
import { TokenVerifier } from './verifier.ts';

/** The global guard: verifies the bearer token, checks the route's roles, puts the caller on the request. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Message handlers (@EventPattern) are not HTTP: the broker's ACLs guard them.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC, targets)) return true;
    const request = context
      .switchToHttp()
      .getRequest<SignedInRequest & { headers: Record<string, unknown>; raw: IncomingMessage }>();
    const authorization = request.headers['authorization'];
    const principal = await this.verifier.verify(
      typeof authorization === 'string' ? authorization : undefined,
    );
    const allowed = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES, targets);
    if (allowed === undefined) throw undeclared();
    if (!allowed.includes(principal.role)) throw roleMissing(principal.role, allowed);
    request.principal = principal;
    nameCaller(request.raw, principal.subject);
    return true;
  }
}

const undeclared = () =>
  new ProblemError({
    type: problemType('role-not-allowed'),
    title: 'Not allowed for any role',
    status: 403,
    detail: 'This endpoint declares no roles, so nobody may call it.',
    errors: [{ field: 'role', reason: 'the endpoint declares no roles' }],
  });
