// Whose attendance a caller may record: a commune officer records its own teams' members, an IOC
// or district OC those of its area, admin anyone. A member outside the area is a rejected line with
// the reason, like any other, so the rest of a list still lands.
import type { Principal, UnitScope } from '@nhip/auth';
import { teamsOfMembers } from '@nhip/registry-replica';
import type pg from 'pg';
import type { AttendanceLine } from './verdict.ts';

/** Of these members, those in a team of the caller's area (by the replica): one query. */
export type MembersInArea = (memberIds: readonly string[]) => Promise<ReadonlySet<string>>;

export function membersInArea(pool: pg.Pool, scope: UnitScope, caller: Principal): MembersInArea {
  return async (memberIds) => {
    // Admin records anyone; a member in no team is then refused by the attendance rules, with that reason.
    if (caller.unit === undefined) return new Set(memberIds);
    const teams = [...(await teamsOfMembers(pool, memberIds))].flatMap(([memberId, of]) =>
      of.map((team) => ({ memberId, treeVersion: team.treeVersion, path: team.unitPath })),
    );
    const inside = await scope.insideAll(caller, teams);
    return new Set(teams.filter((_, i) => inside[i]).map((t) => t.memberId));
  };
}

/** The lines, with those of members outside the caller's area turned into rejections. */
export async function withinArea(
  lines: readonly AttendanceLine[],
  within: MembersInArea,
  unit: string | undefined,
): Promise<AttendanceLine[]> {
  const inside = await within([...new Set(lines.flatMap((l) => (l.ok ? [l.memberId] : [])))]);
  return lines.map((line) =>
    !line.ok || inside.has(line.memberId)
      ? line
      : {
          line: line.line,
          ok: false,
          errors: [
            { field: 'memberId', reason: `not in a team of your area (unit ${unit ?? '?'} and below)` },
          ],
        },
  );
}
