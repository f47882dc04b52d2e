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
    if (caller.unit === undefined) return new Set(memberIds);
    const areas = new Map<string, Promise<string[] | undefined>>();
    const inside = new Set<string>();
    for (const [memberId, teams] of await teamsOfMembers(pool, memberIds)) {
      for (const team of teams) {
        if (!areas.has(team.treeVersion)) areas.set(team.treeVersion, scope.areaIn(caller, team.treeVersion));
        const roots = await areas.get(team.treeVersion);
        if (!roots || roots.some((root) => team.unitPath.includes(root))) inside.add(memberId);
      }
    }
    return inside;
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
