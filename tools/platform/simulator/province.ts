// The simulated province before the traffic: a team in every village of every commune of Đắk Lắk's
// 2025 tree (two villages a commune) with its members (its campaign and sessions:
// campaign-and-training.ts; its targets and statistics: province-figures.ts). Every request has an idempotency
// key or a derived id, so a restarted simulator adds nothing twice.
import { affiliationOf, memberName } from '@nhip/testing';
import { communeProfile } from './commune-profile.ts';

export interface Endpoints {
  readonly registry: string;
  readonly activity: string;
  readonly training: string;
  readonly kpi: string;
  readonly token: string;
}

export interface SimTeam {
  readonly teamId: string;
  readonly village: string;
  readonly commune: string;
}

const villagesPerCommune = 2;

interface Reply<T> {
  readonly status: number;
  readonly body: T;
}

export async function call<T>(ends: Endpoints, url: string, body?: unknown, key?: string): Promise<Reply<T>> {
  const headers: Record<string, string> = { authorization: `Bearer ${ends.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key !== undefined) headers['idempotency-key'] = key;
  const reply = await fetch(url, {
    method: body === undefined ? 'GET' : 'POST',
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await reply.text();
  return { status: reply.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function communesOf(
  ends: Endpoints,
  province: string,
  asOf: string,
): Promise<{ code: string; name: string }[]> {
  const reply = await call<{ children: { code: string; name: string }[] }>(
    ends,
    `${ends.registry}/units/${province}?asOf=${asOf}`,
  );
  if (reply.status !== 200) throw new Error(`units of ${province}: ${reply.status}`);
  return reply.body.children;
}

async function teamIn(ends: Endpoints, commune: string, n: number): Promise<SimTeam> {
  const village = await call<{ code: string }>(
    ends,
    `${ends.registry}/units/${commune}/villages`,
    { name: `Thôn ${n}`, type: 'Thôn' },
    `sim/village/${commune}/${n}`,
  );
  if (village.status >= 300)
    throw new Error(`village in ${commune}: ${village.status} ${JSON.stringify(village.body)}`);
  const team = await call<{ teamId: string }>(
    ends,
    `${ends.registry}/teams`,
    {
      name: `Tổ công nghệ số cộng đồng thôn ${n}`,
      teamType: 'community_digital_technology',
      unitCode: village.body.code,
      decision: { number: `${n}/QĐ-UBND`, date: '2025-07-15' },
    },
    `sim/team/${commune}/${n}`,
  );
  if (team.status >= 300) throw new Error(`team in ${commune}: ${team.status} ${JSON.stringify(team.body)}`);
  return { teamId: team.body.teamId, village: village.body.code, commune };
}

/** The teams already at work in the province (the pilot's), with the commune they are in. */
async function existingTeams(ends: Endpoints, province: string): Promise<SimTeam[]> {
  const reply = await call<{ items?: { teamId: string; unitCode: string; unitPath: string[] }[] }>(
    ends,
    `${ends.registry}/teams?unit=${province}&pageSize=500&status=active`,
  );
  return (reply.body.items ?? []).map((t) => ({
    teamId: t.teamId,
    village: t.unitCode,
    commune: t.unitPath.find((c) => /^\d{5}$/.test(c)) ?? t.unitCode,
  }));
}

/** A team with its members' ids. */
export type StaffedTeam = SimTeam & { readonly memberIds: readonly string[] };

/**
 * Members for each team the simulator registered (the pilot's have theirs), as many as its
 * commune's profile says, the first seat its leader. Returns every team with its members' ids.
 */
export async function membersEverywhere(ends: Endpoints, teams: readonly SimTeam[]): Promise<StaffedTeam[]> {
  const staffed: StaffedTeam[] = [];
  for (const [t, team] of teams.entries()) {
    const roster = await call<{ roster: { memberId: string }[] }>(
      ends,
      `${ends.registry}/teams/${team.teamId}`,
    );
    if (roster.status !== 200) throw new Error(`team ${team.teamId}: ${roster.status}`);
    if (roster.body.roster.length > 0) {
      staffed.push({ ...team, memberIds: roster.body.roster.map((m) => m.memberId) });
      continue;
    }
    const size = communeProfile(team.commune).teamSize;
    const ids: string[] = [];
    for (let seat = 0; seat < size; seat++) {
      const key = `sim/member/${team.village}/${seat}`;
      const person = 10_000 + t * 8 + seat;
      const member = await call<{ memberId: string }>(
        ends,
        `${ends.registry}/members`,
        { fullName: memberName(person), birthYear: 1965 + (person % 40) },
        key,
      );
      if (member.status >= 300) throw new Error(`member of ${team.village}: ${member.status}`);
      await call(
        ends,
        `${ends.registry}/teams/${team.teamId}/members`,
        { memberId: member.body.memberId, role: 'member', affiliation: affiliationOf(seat) },
        `${key}/add`,
      );
      ids.push(member.body.memberId);
    }
    await call(
      ends,
      `${ends.registry}/teams/${team.teamId}/leader`,
      { memberId: ids[0] },
      `sim/leader/${team.village}`,
    );
    staffed.push({ ...team, memberIds: ids });
  }
  return staffed;
}

/** A team in each of two villages of every commune that has none yet. */
export async function teamsEverywhere(
  ends: Endpoints,
  province: string,
  communes: readonly { code: string }[],
): Promise<SimTeam[]> {
  const teams = await existingTeams(ends, province);
  const covered = new Set(teams.map((t) => t.commune));
  for (const { code } of communes.filter((c) => !covered.has(c.code))) {
    for (let n = 1; n <= villagesPerCommune; n++) teams.push(await teamIn(ends, code, n));
  }
  return teams;
}
