// The simulated province before the traffic: a team in every village of every commune of Đắk Lắk's
// 2025 tree (two villages a commune) with its members (its campaign and sessions:
// campaign-and-training.ts; its targets and statistics: province-figures.ts). Every request has an idempotency
// key or a derived id, so a restarted simulator adds nothing twice.
import { affiliationOf, memberName } from '@nhip/testing';
import { communeProfile } from './commune-profile.ts';
import { Refused } from './until-done.ts';

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
 * Throws unless the write took, or an earlier attempt's did (409): a refusal (4xx) the same request
 * will meet again is `Refused`, which until-done.ts does not retry; anything else is tried again.
 */
export function requireTaken(reply: Reply<unknown>, what: string): void {
  if (reply.status < 300 || reply.status === 409) return;
  throw failureOf(reply, what);
}

/** A refusal (4xx) as `Refused`, anything else as an error worth another attempt. */
function failureOf(reply: Reply<unknown>, what: string): Error {
  const text = `${what}: ${reply.status} ${JSON.stringify(reply.body)}`;
  return reply.status < 500 ? new Refused(text) : new Error(text);
}

/**
 * Seats a team's members, the first its leader, as its commune's profile says. Every write is keyed
 * by the seat, so an attempt cut off half-way is finished by the next without a second member.
 */
async function staff(ends: Endpoints, team: SimTeam, t: number): Promise<string[]> {
  const ids: string[] = [];
  for (let seat = 0; seat < communeProfile(team.commune).teamSize; seat++) {
    const key = `sim/member/${team.village}/${seat}`;
    const person = 10_000 + t * 8 + seat;
    const member = await call<{ memberId: string }>(
      ends,
      `${ends.registry}/members`,
      { fullName: memberName(person), birthYear: 1965 + (person % 40) },
      key,
    );
    if (member.status >= 300) throw failureOf(member, `member of ${team.village}`);
    const body = { memberId: member.body.memberId, role: 'member', affiliation: affiliationOf(seat) };
    requireTaken(
      await call(ends, `${ends.registry}/teams/${team.teamId}/members`, body, `${key}/add`),
      `seat ${seat} of ${team.village}`,
    );
    ids.push(member.body.memberId);
  }
  const leader = { memberId: ids[0] };
  requireTaken(
    await call(ends, `${ends.registry}/teams/${team.teamId}/leader`, leader, `sim/leader/${team.village}`),
    `leader of ${team.village}`,
  );
  return ids;
}

/**
 * Members for each team without a leader yet (the pilot's have theirs; a team the simulator began
 * to staff and did not finish has no leader either, the leader being named last). Returns every
 * team with its members' ids.
 */
export async function membersEverywhere(ends: Endpoints, teams: readonly SimTeam[]): Promise<StaffedTeam[]> {
  const staffed: StaffedTeam[] = [];
  for (const [t, team] of teams.entries()) {
    const roster = await call<{ leaderId: string | null; roster: { memberId: string }[] }>(
      ends,
      `${ends.registry}/teams/${team.teamId}`,
    );
    if (roster.status !== 200) throw new Error(`team ${team.teamId}: ${roster.status}`);
    const memberIds =
      roster.body.leaderId === null ? await staff(ends, team, t) : roster.body.roster.map((m) => m.memberId);
    staffed.push({ ...team, memberIds });
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
