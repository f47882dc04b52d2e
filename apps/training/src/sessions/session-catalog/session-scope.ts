// What of a session a caller may see and change. A session belongs to the area of its organising
// unit, and is seen from every area one of its bridge points is in: a district OC sees the
// province's online session it hosts a bridge point of, with its own bridge points only, so no
// unit outside its area is named to it.
import type { Principal, UnitScope } from '@nhip/auth';
import { unitPaths } from '@nhip/registry-replica';
import { ProblemError, problemType } from '@nhip/service-http';
import type pg from 'pg';
import type { SessionView } from './session-catalog.queries.ts';

/** The session's units inside the caller's area (organiser and bridge points); all for admin. */
async function unitsInside(pool: pg.Pool, scope: UnitScope, caller: Principal, session: SessionView) {
  const codes = [session.unitCode, ...session.bridgePoints.flatMap((p) => [p.unitCode, p.hostUnitCode])];
  const paths = await unitPaths(pool, session.treeVersion, [...new Set(codes)]);
  const placements = codes.map((code) => ({ treeVersion: session.treeVersion, path: paths.get(code) ?? [] }));
  const inside = await scope.insideAll(caller, placements);
  return new Set(codes.filter((_, i) => inside[i]));
}

const outside = (session: SessionView, unit: string | undefined) =>
  new ProblemError({
    type: problemType('unit-outside-scope'),
    title: 'Outside your area',
    status: 403,
    detail: `Session ${session.sessionId} is organised outside your area and has no bridge point in it (unit ${unit ?? '?'} and below).`,
    errors: [{ field: 'sessionId', reason: `no unit of the session under ${unit ?? '?'}` }],
  });

/** The session as the caller may see it (its bridge points in the area), or undefined when none is. */
export async function sessionSeenBy(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  session: SessionView,
): Promise<SessionView | undefined> {
  if (caller.unit === undefined) return session;
  const inside = await unitsInside(pool, scope, caller, session);
  if (inside.has(session.unitCode)) return session;
  const bridgePoints = session.bridgePoints.filter(
    (p) => inside.has(p.unitCode) && inside.has(p.hostUnitCode),
  );
  if (bridgePoints.length === 0) return undefined;
  // Seen from a bridge point: the organiser above the caller's area stays named, as a unit's
  // ancestors do everywhere else; the other bridge points do not.
  return { ...session, bridgePoints };
}

/** 403 unless the caller may change the session: its organising unit is inside the caller's area. */
export async function requireOrganiser(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  session: SessionView,
): Promise<void> {
  if (caller.unit === undefined) return;
  if (!(await unitsInside(pool, scope, caller, session)).has(session.unitCode))
    throw outside(session, caller.unit);
}

/** sessionSeenBy, or 403 naming the caller's unit. */
export async function requireSessionSeen(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  session: SessionView,
): Promise<SessionView> {
  const seen = await sessionSeenBy(pool, scope, caller, session);
  if (!seen) throw outside(session, caller.unit);
  return seen;
}

/** Whether the session is organised in the unit's subtree or has a bridge point there. */
export async function sessionTouches(pool: pg.Pool, session: SessionView, unit: string): Promise<boolean> {
  const codes = [session.unitCode, ...session.bridgePoints.map((p) => p.unitCode)];
  const paths = await unitPaths(pool, session.treeVersion, [...new Set(codes)]);
  return codes.some((code) => paths.get(code)?.includes(unit));
}
