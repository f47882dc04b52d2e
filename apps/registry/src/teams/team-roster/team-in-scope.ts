import type { Principal, UnitScope } from '@nhip/auth';
import type pg from 'pg';
import { requireTeam } from './require-team.ts';
import type { TeamDetail } from './team-roster.queries.ts';

/** The team, or 403 when it works outside the caller's area (its unit in its own tree version). */
export async function requireTeamInScope(
  db: Pick<pg.Pool, 'query'>,
  scope: UnitScope,
  caller: Principal,
  teamId: string,
): Promise<TeamDetail> {
  const team = await requireTeam(db, teamId);
  await scope.requirePlacement(caller, { treeVersion: team.treeVersion, path: team.unitPath }, 'teamId');
  return team;
}
