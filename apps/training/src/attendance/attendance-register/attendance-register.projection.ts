// rm_attendance: who attended which session, where; a session's reach is counted from it.
import type { Tx } from '@nhip/event-sourcing';
import type { AttendanceEvent } from '../attendance.ts';

export async function projectAttendance(tx: Tx, events: readonly AttendanceEvent[]): Promise<void> {
  for (const { data } of events) {
    await tx.query(
      `INSERT INTO rm_attendance (session_id, member_id, team_id, bridge_point, first_training, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (session_id, member_id) DO NOTHING`,
      [data.sessionId, data.memberId, data.teamId, data.bridgePoint, data.firstTraining, data.recordedAt],
    );
  }
}
