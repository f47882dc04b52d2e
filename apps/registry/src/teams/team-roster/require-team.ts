import { notFound, requireUuid } from '@nhip/service-http';
import type pg from 'pg';
import { teamDetail, type TeamDetail } from './team-roster.queries.ts';

/** The team as it now stands: every write on a team answers with it. */
export async function requireTeam(db: Pick<pg.Pool, 'query'>, teamId: string): Promise<TeamDetail> {
  const found = await teamDetail(db, requireUuid(teamId, 'teamId'));
  if (!found) throw notFound('team', 'teamId', teamId);
  return found;
}
