// What of a session a caller may see and change. A session belongs to the area of its organising
// unit, and is seen from every area one of its bridge points is in: a district OC sees the
// province's online session it hosts a bridge point of, with its own bridge points only, so no
// unit outside its area is named to it.
import type { Principal, UnitScope } from '@nhip/auth';
import { unitPaths } from '@nhip/registry-replica';
import { ProblemError, problemType } from '@nhip/service-http';
import type pg from 'pg';
import type { SessionView } from './session-catalog.queries.ts';

type Paths = ReadonlyMap<string, readonly string[]>;

/** The organiser, the bridge points and their hosts. */
const unitsOf = (session: SessionView): string[] => [
  session.unitCode,
  ...session.bridgePoints.flatMap((p) => [p.unitCode, p.hostUnitCode]),
];

/** Every unit of the sessions placed in its session's tree: one read per tree version, not per session. */
async function placeSessions(pool: pg.Pool, sessions: readonly SessionView[]): Promise<Map<string, Paths>> {
  const codesByTree = new Map<string, Set<string>>();
  for (const session of sessions) {
    const codes = codesByTree.get(session.treeVersion) ?? new Set<string>();
    for (const code of unitsOf(session)) codes.add(code);
    codesByTree.set(session.treeVersion, codes);
  }
  const placed = new Map<string, Paths>();
  for (const [treeVersion, codes] of codesByTree)
    placed.set(treeVersion, await unitPaths(pool, treeVersion, [...codes]));
  return placed;
}

/** Each session's units inside the caller's area (organiser, bridge points, hosts); all for admin. */
async function unitsInside(
  scope: UnitScope,
  caller: Principal,
  sessions: readonly SessionView[],
  placed: ReadonlyMap<string, Paths>,
): Promise<Set<string>[]> {
  const codes = sessions.map(unitsOf);
  const placements = sessions.flatMap((session, i) =>
    (codes[i] ?? []).map((code) => ({
      treeVersion: session.treeVersion,
      path: placed.get(session.treeVersion)?.get(code) ?? [],
    })),
  );
  const inside = await scope.insideAll(caller, placements);
  let at = 0;
  return codes.map((list) => new Set(list.filter(() => inside[at++] === true)));
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
  return (await sessionsSeenBy(pool, scope, caller, { sessions: [session] }))[0];
}

/**
 * The sessions the caller may see, as `sessionSeenBy` sees each, and with `touching` only those
 * organised in that unit's subtree or with a bridge point there: two queries per tree version for
 * the whole list.
 */
export async function sessionsSeenBy(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  {
    sessions,
    touching,
  }: { readonly sessions: readonly SessionView[]; readonly touching?: string | undefined },
): Promise<SessionView[]> {
  if (sessions.length === 0) return [];
  // An admin sees every session whole: its units need placing only to filter by `touching`.
  const placed =
    caller.unit === undefined && touching === undefined
      ? new Map<string, Paths>()
      : await placeSessions(pool, sessions);
  const inside = caller.unit === undefined ? undefined : await unitsInside(scope, caller, sessions, placed);
  return sessions.flatMap((session, i) => {
    const seen = inside ? seenWith(session, inside[i] ?? new Set()) : session;
    if (!seen || (touching !== undefined && !touches(seen, touching, placed))) return [];
    return [seen];
  });
}

function seenWith(session: SessionView, inside: ReadonlySet<string>): SessionView | undefined {
  if (inside.has(session.unitCode)) return session;
  const bridgePoints = session.bridgePoints.filter(
    (p) => inside.has(p.unitCode) && inside.has(p.hostUnitCode),
  );
  if (bridgePoints.length === 0) return undefined;
  // Seen from a bridge point: the organiser above the caller's area stays named, as a unit's
  // ancestors do everywhere else; the other bridge points do not.
  return { ...session, bridgePoints };
}

/** Whether the session is organised in the unit's subtree or has a bridge point there. */
function touches(session: SessionView, unit: string, placed: ReadonlyMap<string, Paths>): boolean {
  const paths = placed.get(session.treeVersion);
  const codes = [session.unitCode, ...session.bridgePoints.map((p) => p.unitCode)];
  return codes.some((code) => paths?.get(code)?.includes(unit) === true);
}

/** 403 unless the caller may change the session: its organising unit is inside the caller's area. */
export async function requireOrganiser(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  session: SessionView,
): Promise<void> {
  if (caller.unit === undefined) return;
  const placed = await placeSessions(pool, [session]);
  const [inside] = await unitsInside(scope, caller, [session], placed);
  if (!inside?.has(session.unitCode)) throw outside(session, caller.unit);
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
