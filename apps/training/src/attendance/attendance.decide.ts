// Attendance is recorded only for a held session (a planned one has not taken place, a cancelled
// one takes none), only for a member of a team in the bridge point's unit (or the session's unit,
// or any of its bridge points when none is named), and not for a member whose teams there are all
// dissolved. Attending a session twice changes nothing; the first held session makes the member
// trained, and no later one does.
import { DomainRuleViolation } from '@nhip/decider';
import type {
  AttendanceEvent,
  AttendanceState,
  RecordAttendance,
  SessionFacts,
  TeamFact,
} from './attendance.ts';

export function decideAttendance(command: RecordAttendance, state: AttendanceState): AttendanceEvent[] {
  const session = requireHeld(command.facts.session);
  const scope = scopeOf(command, session);
  const team = requireTeamIn(command, session, scope);
  if (state.sessions.has(session.sessionId)) return [];
  return [
    {
      type: 'MemberAttended',
      data: {
        memberId: command.memberId,
        sessionId: session.sessionId,
        courseId: session.courseId,
        teamId: team.teamId,
        treeVersion: team.treeVersion,
        unitPath: [...team.unitPath],
        bridgePoint: command.bridgePoint,
        attendedAt: session.startsAt,
        completedOn: command.completedOn,
        recordedAt: command.at,
        firstTraining: !state.trained,
      },
    },
  ];
}

const refuse = (code: string, field: string, reason: string): never => {
  throw DomainRuleViolation.of([{ code, field, reason }]);
};

function requireHeld(session: SessionFacts | undefined): SessionFacts {
  if (!session) return refuse('session_not_found', 'sessionId', 'no such session');
  if (session.status === 'cancelled')
    return refuse('session_cancelled', 'sessionId', 'the session was cancelled: it takes no attendance');
  if (session.status !== 'held') {
    return refuse(
      'session_not_held',
      'sessionId',
      'the session has not been recorded as held yet: hold it first',
    );
  }
  return session;
}

/** The units a member's team must be in: the bridge point named, or the session's units. */
function scopeOf(command: RecordAttendance, session: SessionFacts): readonly string[] {
  if (command.bridgePoint === null) return [session.unitCode, ...session.bridgePoints];
  if (!session.bridgePoints.includes(command.bridgePoint)) {
    return refuse(
      'unknown_bridge_point',
      'bridgePoint',
      `${command.bridgePoint} is not a bridge point of this session`,
    );
  }
  return [command.bridgePoint];
}

function requireTeamIn(command: RecordAttendance, session: SessionFacts, scope: readonly string[]): TeamFact {
  const { teams } = command.facts;
  if (teams.length === 0)
    return refuse('unknown_member', 'memberId', 'not a member of any team the registry knows');
  const inScope = teams.filter(
    (t) => t.treeVersion === session.treeVersion && t.unitPath.some((code) => scope.includes(code)),
  );
  if (inScope.length === 0) {
    return refuse(
      'member_not_in_unit',
      'memberId',
      `not in a team of ${scope.length === 1 ? `unit ${scope[0] ?? ''}` : "the session's units"}`,
    );
  }
  const active = inScope.find((t) => t.status !== 'dissolved');
  return active ?? refuse('team_dissolved', 'memberId', "the member's team there is dissolved");
}
