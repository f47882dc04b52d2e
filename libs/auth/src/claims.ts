// What a token says about its holder, checked once at the edge: who (sub), in which role, over which
// part of the country (a unit code, its subtree in the tree in force on the date a request is about).
import { isRole, roles, treeVersionPattern, unitCodePattern, type Role } from '@nhip/contracts';

export { isRole, roles, type Role };

/** The signed-in caller as every handler sees it. */
export interface Principal {
  /** The token's `sub`: recorded as the actor of every write and personal-data access. */
  readonly subject: string;
  readonly role: Role;
  /** The unit whose subtree the caller works in; undefined for admin (the whole country). */
  readonly unit: string | undefined;
  /**
   * The unit tree `unit` is a code of (`unit_tree`, e.g. vn-2024), for a token issued in the terms
   * of a former tree: the 2025 list reuses codes (15 was Yên Bái, is now the new Lào Cai). Absent,
   * the code is read in the latest tree in force that has it, as an identity provider names units
   * today.
   */
  readonly unitTree?: string | undefined;
  /** When the token stops being accepted (its `exp`): a long-lived stream ends itself then. */
  readonly expiresAt?: Date | undefined;
}

/** The claims Nhịp reads besides the registered ones (iss, aud, exp) that jose checks. */
export interface NhipClaims {
  readonly sub: string;
  readonly role: Role;
  /** A unit code (`66`, `643`, `24175`); optional for admin. */
  readonly unit?: string;
  /** The unit tree version `unit` belongs to (`vn-2024`); optional, see `Principal.unitTree`. */
  readonly unit_tree?: string;
}

/** The principal a verified payload names, or why it names none (a 401 says so). */
export function principalOf(
  payload: Record<string, unknown>,
): { ok: true; principal: Principal } | { ok: false; reason: string } {
  const { sub, role, unit, unit_tree: unitTree, exp } = payload;
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 200)
    return { ok: false, reason: 'the token has no subject (sub)' };
  if (!isRole(role)) return { ok: false, reason: `the token's role must be one of ${roles.join(', ')}` };
  const scope = unitOf(role, unit);
  if (!scope.ok) return scope;
  const tree = treeOf(scope.unit, unitTree);
  if (!tree.ok) return tree;
  const expiresAt = typeof exp === 'number' ? new Date(exp * 1000) : undefined;
  return { ok: true, principal: { subject: sub, role, unit: scope.unit, expiresAt, ...tree.claim } };
}

function unitOf(
  role: Role,
  unit: unknown,
): { ok: true; unit: string | undefined } | { ok: false; reason: string } {
  // An admin works on the whole country: a unit claim does not narrow it.
  if (role === 'admin') return { ok: true, unit: undefined };
  if (typeof unit === 'string' && unitCodePattern.test(unit)) return { ok: true, unit };
  return { ok: false, reason: `a ${role} token names the unit it works in (unit, e.g. 66)` };
}

function treeOf(
  unit: string | undefined,
  unitTree: unknown,
): { ok: true; claim: { unitTree?: string } } | { ok: false; reason: string } {
  // Without a unit (admin) there is nothing for a tree to qualify. An identity provider may send an
  // empty attribute as null or "": the claim is absent then, not malformed.
  const absent = unitTree === undefined || unitTree === null || unitTree === '';
  if (unit === undefined || absent) return { ok: true, claim: {} };
  if (typeof unitTree === 'string' && treeVersionPattern.test(unitTree))
    return { ok: true, claim: { unitTree } };
  return { ok: false, reason: "the token's unit_tree must name a unit tree version (e.g. vn-2024)" };
}
