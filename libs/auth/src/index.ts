export { roles, isRole, principalOf, type NhipClaims, type Principal, type Role } from './claims.ts';
export { authConfigFrom, defaultAudience, defaultIssuerPort, type AuthConfig } from './config.ts';
export { anyRole, Caller, Context, Public, Roles, type CallContext } from './decorators.ts';
export { AuthGuard } from './guard.ts';
export { AuthModule } from './auth.module.ts';
export { invalidToken, roleMissing, unitOutsideScope } from './problems.ts';
export {
  mostGeneral,
  mostSpecific,
  scopeRootsReader,
  type ScopeRootsDb,
  type UnitTreeTables,
} from './scope-roots.ts';
export { UnitScope, UNIT_TREE_PORT, type Placement, type Relation, type UnitTreePort } from './scope.ts';
export { TokenVerifier, type VerifierOptions } from './verifier.ts';
export { refuseAnonymousOnArrival } from './refuse-anonymous.ts';
