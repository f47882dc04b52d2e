// rm_teams / rm_team_members follow a team's events in the command's transaction.
import type { Tx } from '@nhip/event-sourcing';
import type { TeamEvent } from '../team.ts';

export const teamRosterTables = ['rm_teams', 'rm_team_members'] as const;

export async function projectTeam(tx: Tx, events: readonly TeamEvent[], at: string): Promise<void> {
  for (const event of events) await apply(tx, event, at);
}

type TeamRowEvent = Extract<
  TeamEvent,
  {
    type:
      | 'TeamRenamed'
      | 'TeamLeaderAssigned'
      | 'TeamSuspended'
      | 'TeamReinstated'
      | 'TeamDissolved'
      | 'TeamMoved';
  }
>;

async function apply(tx: Tx, event: TeamEvent, at: string): Promise<void> {
  const teamId = event.data.teamId;
  switch (event.type) {
    case 'TeamRegistered': {
      const { name, teamType, unit, decision } = event.data;
      await tx.query(
        `INSERT INTO rm_teams (team_id, name, team_type, status, tree_version, unit_code, unit_path,
           decision_number, decision_date, registered_at, updated_at)
         VALUES ($1, $2, $3, 'active', $4, $5, $6, $7, $8, $9, $9)`,
        [teamId, name, teamType, unit.treeVersion, unit.code, unit.path, decision.number, decision.date, at],
      );
      return;
    }
    case 'MemberAdded':
      await tx.query(
        `INSERT INTO rm_team_members (team_id, member_id, role, affiliation) VALUES ($1, $2, $3, $4)`,
        [teamId, event.data.memberId, event.data.role, event.data.affiliation],
      );
      return;
    case 'MemberRemoved':
      await tx.query('DELETE FROM rm_team_members WHERE team_id = $1 AND member_id = $2', [
        teamId,
        event.data.memberId,
      ]);
      return;
    default:
      await updateTeam(tx, event, at);
  }
}

/** Events that change the team's own row, and its updated_at with it. */
async function updateTeam(tx: Tx, event: TeamRowEvent, at: string): Promise<void> {
  const setTeam = (assignments: string, ...values: unknown[]) =>
    tx.query(`UPDATE rm_teams SET ${assignments}, updated_at = $2 WHERE team_id = $1`, [
      event.data.teamId,
      at,
      ...values,
    ]);
  switch (event.type) {
    case 'TeamRenamed':
      await setTeam('name = $3', event.data.name);
      return;
    case 'TeamLeaderAssigned':
      await setTeam('leader_id = $3', event.data.memberId);
      return;
    case 'TeamMoved': {
      const { unit } = event.data;
      await setTeam(
        'tree_version = $3, unit_code = $4, unit_path = $5',
        unit.treeVersion,
        unit.code,
        unit.path,
      );
      return;
    }
    case 'TeamSuspended':
    case 'TeamReinstated':
    case 'TeamDissolved':
      await setTeam('status = $3', statusAfter[event.type]);
      return;
    default: {
      const unknown: never = event;
      throw new Error(`No projection for ${String(unknown)}`);
    }
  }
}

const statusAfter = {
  TeamSuspended: 'suspended',
  TeamReinstated: 'active',
  TeamDissolved: 'dissolved',
} as const;
