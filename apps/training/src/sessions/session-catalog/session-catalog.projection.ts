// rm_sessions: every session with its status and bridge points, in the command's transaction.
import type { Tx } from '@nhip/event-sourcing';
import type { SessionEvent } from '../session.ts';

export async function projectSessions(tx: Tx, events: readonly SessionEvent[]): Promise<void> {
  for (const event of events) {
    if (event.type === 'SessionPlanned') {
      const d = event.data;
      await tx.query(
        `INSERT INTO rm_sessions (session_id, course_id, status, tree_version, unit_code, mode, place, starts_at, ends_at, bridge_points)
         VALUES ($1, $2, 'planned', $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (session_id) DO NOTHING`,
        [
          d.sessionId,
          d.courseId,
          d.treeVersion,
          d.unitCode,
          d.mode,
          d.place,
          d.startsAt,
          d.endsAt,
          JSON.stringify(d.bridgePoints),
        ],
      );
    } else {
      const status = event.type === 'SessionHeld' ? 'held' : 'cancelled';
      await tx.query('UPDATE rm_sessions SET status = $2 WHERE session_id = $1', [
        event.data.sessionId,
        status,
      ]);
    }
  }
}
