// What attendance is judged against: the session as its read model knows it.
import type { Tx } from '@nhip/event-sourcing';
import type { SessionFacts } from '../attendance.ts';

export async function sessionFacts(
  tx: Pick<Tx, 'query'>,
  sessionId: string,
): Promise<SessionFacts | undefined> {
  const { rows } = await tx.query<SessionFacts>(
    `SELECT session_id AS "sessionId", course_id AS "courseId", status, tree_version AS "treeVersion",
            unit_code AS "unitCode", to_json(starts_at) #>> '{}' AS "startsAt",
            ARRAY(SELECT p->>'unitCode' FROM jsonb_array_elements(bridge_points) p) AS "bridgePoints"
     FROM rm_sessions WHERE session_id = $1`,
    [sessionId],
  );
  return rows[0];
}
