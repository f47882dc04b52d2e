import type { Principal, UnitScope } from '@nhip/auth';
import { notFound, requireUuid } from '@nhip/service-http';
import type pg from 'pg';
import { requireTeam } from './require-team.ts';
import { teamPlacement, type TeamDetail } from './team-roster.queries.ts';

type Db = Pick<pg.Pool, 'query'>;

/** The team, or 403 when it works outside the caller's area (its unit in its own tree version). */
export async function requireTeamInScope(
  db: Db,
  scope: UnitScope,
  caller: Principal,
  teamId: string,
): Promise<TeamDetail> {
  const team = await requireTeam(db, teamId);
  await requireWhereItWorks(scope, caller, team);
  return team;
}

/**
 * The same guard for a write that answers with the team as it is after: only where the team
 * works is read (one row), not its roster and the communes it may move to, which the answer
 * reads once the write is done.
 */
export async function requireTeamIdInScope(
  db: Db,
  scope: UnitScope,
  caller: Principal,
  teamId: string,
): Promise<string> {
  const id = requireUuid(teamId, 'teamId');
  const placement = await teamPlacement(db, id);
  if (!placement) throw notFound('team', 'teamId', teamId);
  await requireWhereItWorks(scope, caller, placement);
  return id;
}

/** 403 naming `teamId` unless the caller's area holds the team's unit in its own tree version. */
const requireWhereItWorks = (
  scope: UnitScope,
  caller: Principal,
  team: { readonly treeVersion: string; readonly unitPath: readonly string[] },
): Promise<unknown> =>
  scope.requirePlacement(caller, { treeVersion: team.treeVersion, path: team.unitPath }, 'teamId');
