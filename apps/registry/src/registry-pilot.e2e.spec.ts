// The Đắk Lắk pilot end to end through the HTTP API of the compiled service: villages, teams,
// members, coverage 15/15; the public events on the real broker; the rules refusing bad input.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicEventProblems, publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging, type ReceivedMessage } from '@nhip/messaging';
import { affiliationOf, kafkaBrokers, memberName, pilotCommunes, teamSizes } from '@nhip/testing';
import fs from 'node:fs';
import { startRegistry, type RunningRegistry } from './fixtures/registry-service.ts';

const pilotCsv = fs.readFileSync(new URL('fixtures/dak-lak-pilot.csv', import.meta.url));

interface Coverage {
  unit: {
    villages: number;
    villagesWithActiveTeam: number;
    coverage: number | null;
    teams: number;
    activeTeams: number;
    activeMembers: number;
  };
  children: { code: string; villages: number; activeMembers: number; coverage: number | null }[];
}

describe('Đắk Lắk pilot: villages, teams, members and coverage', () => {
  let registry: RunningRegistry;
  const teamIds: string[] = [];
  const names: string[] = [];

  beforeAll(async () => {
    registry = await startRegistry('pilot');
    const imported = await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01', pilotCsv, {
      'content-type': 'text/csv',
    });
    expect(imported.status).toBe(200);
    let person = 0;
    for (const commune of pilotCommunes) {
      for (const [v, size] of teamSizes(commune).entries()) {
        const village = await registry.post<{ code: string }>(`/units/${commune.code}/villages`, {
          name: `Thôn ${v + 1}`,
          type: 'Thôn',
        });
        expect(village.status).toBe(201);
        const team = await registry.post<{ teamId: string }>('/teams', {
          name: `Tổ công nghệ số cộng đồng thôn ${v + 1}, ${commune.name}`,
          teamType: 'community_digital_technology',
          unitCode: village.body.code,
          decision: { number: `${100 + v}/QĐ-UBND`, date: '2022-04-15' },
        });
        expect(team.status).toBe(201);
        const members = await Promise.all(
          Array.from({ length: size }, async (_, seat) => {
            const fullName = memberName(person + seat);
            names.push(fullName);
            const registered = await registry.post<{ memberId: string }>('/members', {
              fullName,
              phone: `09${String(person + seat).padStart(8, '0')}`,
              birthYear: 1960 + seat,
            });
            expect(registered.status).toBe(201);
            const added = await registry.post(`/teams/${team.body.teamId}/members`, {
              memberId: registered.body.memberId,
              role: seat === 1 ? 'deputy_leader' : 'member',
              affiliation: affiliationOf(seat),
            });
            expect(added.status).toBe(200);
            return registered.body.memberId;
          }),
        );
        person += size;
        expect(
          (await registry.post(`/teams/${team.body.teamId}/leader`, { memberId: members[0] })).status,
        ).toBe(200);
        teamIds.push(team.body.teamId);
      }
    }
  });
  afterAll(() => registry.stop());

  it.each(pilotCommunes)('covers 15/15 villages of $name with $members active members', async (commune) => {
    const { status, body } = await registry.get<Coverage>(`/units/${commune.code}/coverage`);
    expect(status).toBe(200);
    expect(body.unit).toEqual({
      code: commune.code,
      name: commune.name,
      level: 3,
      villages: 15,
      villagesWithActiveTeam: 15,
      coverage: 1,
      teams: 15,
      activeTeams: 15,
      activeMembers: commune.members,
      teamsToMove: 0,
    });
    expect(body.children).toHaveLength(15);
    expect(body.children.every((c) => c.coverage === 1)).toBe(true);
  });

  it('rolls the pilot up to the province: 30 villages, 171 members, by district', async () => {
    const { body } = await registry.get<Coverage>('/units/66/coverage');
    expect(body.unit).toMatchObject({
      villages: 30,
      villagesWithActiveTeam: 30,
      teams: 30,
      activeMembers: 171,
    });
    expect(body.children.map((c) => [c.code, c.activeMembers])).toEqual([
      ['643', 77],
      ['650', 94],
    ]);
  });

  it('lists the teams of a subtree, paged and filtered, and a team in detail without personal data', async () => {
    const page = await registry.get<{ total: number; items: { teamId: string }[] }>(
      '/teams?unit=24172&pageSize=10&page=2&status=active',
    );
    expect(page.body.total).toBe(15);
    expect(page.body.items).toHaveLength(5);
    const none = await registry.get<{ total: number }>('/teams?unit=24172&type=project_06');
    expect(none.body.total).toBe(0);
    const detail = await registry.get<{ roster: { leader: boolean }[]; leaderId: string }>(
      `/teams/${teamIds[0] ?? ''}`,
    );
    expect(detail.body.roster).toHaveLength(6);
    expect(detail.body.roster.filter((m) => m.leader)).toHaveLength(1);
    expect(JSON.stringify(detail.body)).not.toContain(names[0]);
  });

  it('publishes the pilot on public.registry.team.v1, valid by the contracts and free of personal data', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'pilot-reader' });
    let ours: ReceivedMessage[];
    try {
      const all = await readTopic(messaging, `${registry.topicPrefix}${publicTopics.registryTeam}`);
      ours = all.filter((m) => teamIds.includes(m.key ?? ''));
    } finally {
      await messaging.close();
    }
    const count = (type: string) =>
      ours.filter((m) => m.headers['ce_type'] === `vn.nhip.registry.team.${type}.v1`).length;
    expect([count('registered'), count('member-added'), count('leader-assigned')]).toEqual([30, 171, 30]);
    for (const message of ours) {
      expect(
        publicEventProblems(message.headers['ce_type'] ?? '', JSON.parse(message.value.toString())),
      ).toEqual([]);
      for (const name of names) expect(message.value.toString()).not.toContain(name);
    }
  });

  it('rebuilds its read models from the event store and answers the same', async () => {
    const before = await registry.get('/units/66/coverage');
    const teams = await registry.get('/teams?unit=66&pageSize=500');
    // As if the read model were new or changed: the next start must rebuild it from events.
    await registry.sql('UPDATE rm_meta SET version = 0');
    await registry.sql('TRUNCATE rm_units, rm_teams, rm_team_members');
    await registry.restart();
    expect(registry.output()).toMatch(/read models rebuilt from \d+ events/);
    expect((await registry.get('/units/66/coverage')).body).toEqual(before.body);
    expect((await registry.get('/teams?unit=66&pageSize=500')).body).toEqual(teams.body);
  });
});
