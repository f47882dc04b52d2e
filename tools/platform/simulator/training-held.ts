// Yesterday's province-wide online session, every commune a bridge point (Đắk Lắk's of 19 September
// 2022 had 125 commune-level and 15 district-level ones), held, and each commune's share of its
// teams' members on its attendance list (commune-profile.ts): the "members trained at least once"
// tile and map then tell communes apart, where only the pilot's 171 members had been trained (12.7 %
// of the province). Yesterday's, so it can be recorded as held whatever the hour of the start.
import { deterministicUuid } from '@nhip/event-sourcing';
import { communeProfile } from './commune-profile.ts';
import { onlineSession } from './campaign-and-training.ts';
import { call, requireTaken, type Endpoints, type StaffedTeam } from './province.ts';

/** Records the session and its lists (members from membersEverywhere); how many members attended. */
export async function trainingHeld(
  ends: Endpoints,
  province: string,
  teams: readonly StaffedTeam[],
  today: string,
): Promise<number> {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const sessionId = deterministicUuid(`sim/session/all-communes/${yesterday}`);
  const byCommune = Map.groupBy(teams, (t) => t.commune);
  const post = (path: string, body: unknown, key: string) => call(ends, `${ends.training}${path}`, body, key);
  const planned = await post(
    '/sessions',
    onlineSession(sessionId, province, yesterday, [...byCommune.keys()]),
    `sim/session/${sessionId}`,
  );
  requireTaken(planned, `session ${yesterday}`);
  // Attendance is refused until the session is held: a failure here must fail the step, not every list.
  requireTaken(
    await post(`/sessions/${sessionId}/held`, {}, `sim/held/${sessionId}`),
    `session ${yesterday} held`,
  );
  let attended = 0;
  for (const [commune, here] of byCommune) {
    const members = here.flatMap((t) => t.memberIds);
    const memberIds = members.slice(0, Math.round(members.length * communeProfile(commune).trainedShare));
    if (memberIds.length === 0) continue;
    const listed = await post(
      `/sessions/${sessionId}/attendance/lists`,
      { bridgePoint: commune, memberIds },
      `sim/list/${sessionId}/${commune}`,
    );
    requireTaken(listed, `attendance in ${commune}`);
    attended += memberIds.length;
  }
  return attended;
}
