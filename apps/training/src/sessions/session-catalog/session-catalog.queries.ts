import type { BridgePointInput } from '../session.ts';
import type pg from 'pg';

type Db = Pick<pg.Pool, 'query'>;

export interface SessionView {
  readonly sessionId: string;
  readonly courseId: string;
  readonly status: 'planned' | 'held' | 'cancelled';
  readonly treeVersion: string;
  readonly unitCode: string;
  readonly mode: string;
  readonly place: string | null;
  readonly startsAt: string;
  readonly endsAt: string;
  readonly bridgePoints: readonly BridgePointInput[];
}

/** A held session's reach: its bridge points and who attended (and for how many it was the first). */
export interface SessionReach {
  readonly bridgePoints: number;
  readonly attendees: number;
  readonly newlyTrained: number;
}

const columns = `session_id AS "sessionId", course_id AS "courseId", status, tree_version AS "treeVersion",
  unit_code AS "unitCode", mode, place, to_json(starts_at) #>> '{}' AS "startsAt",
  to_json(ends_at) #>> '{}' AS "endsAt", bridge_points AS "bridgePoints"`;

export async function findSession(db: Db, sessionId: string): Promise<SessionView | undefined> {
  const { rows } = await db.query<SessionView>(`SELECT ${columns} FROM rm_sessions WHERE session_id = $1`, [
    sessionId,
  ]);
  return rows[0];
}

export async function listSessions(db: Db, courseId: string | undefined): Promise<SessionView[]> {
  const { rows } = await db.query<SessionView>(
    `SELECT ${columns} FROM rm_sessions WHERE $1::uuid IS NULL OR course_id = $1 ORDER BY starts_at, session_id`,
    [courseId ?? null],
  );
  return rows;
}

export async function reachOf(db: Db, session: SessionView): Promise<SessionReach> {
  const { rows } = await db.query<{ attendees: number; newlyTrained: number }>(
    `SELECT count(*)::int AS attendees, count(*) FILTER (WHERE first_training)::int AS "newlyTrained"
     FROM rm_attendance WHERE session_id = $1`,
    [session.sessionId],
  );
  return {
    bridgePoints: session.bridgePoints.length,
    attendees: rows[0]?.attendees ?? 0,
    newlyTrained: rows[0]?.newlyTrained ?? 0,
  };
}
