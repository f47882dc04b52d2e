// Who may touch an activity: the caller whose area holds the team that reported it. A team the
// replica does not know yet passes here, so the report gets its own "unknown team" verdict.
import type { Principal, UnitScope } from '@nhip/auth';
import { PostgresEventStore } from '@nhip/event-sourcing';
import { ProblemError, problemType } from '@nhip/service-http';
import type pg from 'pg';
import { teamPlacements } from '../registry-replica/replica-facts/index.ts';
import { activityStream } from './activity.ts';

export async function requireTeamsInScope(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  teamIds: readonly string[],
): Promise<void> {
  if (caller.unit === undefined) return;
  const placements = [...(await teamPlacements(pool, [...new Set(teamIds)]))];
  // One look at the caller's area per tree version, however many teams a file names.
  const inside = await scope.insideAll(
    caller,
    placements.map(([, placement]) => placement),
  );
  const outside = placements.filter((_, i) => !inside[i]).map(([teamId]) => teamId);
  if (outside.length === 0) return;
  throw new ProblemError({
    type: problemType('team-outside-scope'),
    title: 'Outside your area',
    status: 403,
    detail: `${outside.length} team(s) work outside your area (unit ${caller.unit} and below): ${outside.slice(0, 5).join(', ')}.`,
    errors: outside
      .slice(0, 20)
      .map((teamId) => ({ field: 'teamId', reason: `team ${teamId} is outside ${caller.unit}` })),
  });
}

/** The activity's team must be in the caller's area; an unknown activity passes to its 404. */
export async function requireActivityInScope(
  pool: pg.Pool,
  scope: UnitScope,
  caller: Principal,
  activityId: string,
): Promise<void> {
  const stream = await new PostgresEventStore(pool).readStream(activityStream(activityId));
  const teamId = (stream.events[0]?.data as { teamId?: unknown } | undefined)?.teamId;
  if (typeof teamId === 'string') await requireTeamsInScope(pool, scope, caller, [teamId]);
}
