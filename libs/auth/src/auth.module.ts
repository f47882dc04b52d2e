import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthConfig } from './config.ts';
import { AuthGuard } from './guard.ts';
import { UNIT_TREE_PORT, UnitScope, type UnitTreePort } from './scope.ts';
import { TokenVerifier } from './verifier.ts';

/**
 * Sign-in for a whole service, in one import:
 * `imports: [AuthModule.forRoot(config.auth, new MyUnitTree(pool))]`; then `@Roles(...)` or
 * `@Public()` on each route, `@Caller()` for the principal, `UnitScope` for the unit checks.
 */
@Module({})
export class AuthModule {
  static forRoot(
    config: AuthConfig,
    unitTree: UnitTreePort,
    options: { refreshCooldownMs?: number } = {},
  ): DynamicModule {
    const verifier = new TokenVerifier({ ...config, ...options });
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: TokenVerifier, useValue: verifier },
        { provide: UNIT_TREE_PORT, useValue: unitTree },
        UnitScope,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [TokenVerifier, UnitScope],
    };
  }
}
