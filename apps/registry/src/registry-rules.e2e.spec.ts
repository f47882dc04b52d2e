// Bad input and the team rules through the compiled service: every refusal is a 4xx problem that
// names the field and the reason, and leaves nothing behind. Also retries, dissolution and erasure.
import net from 'node:net';
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { kafkaBrokers, tokenFor } from '@nhip/testing';
import { startRegistry, type Reply, type RunningRegistry } from './fixtures/registry-service.ts';

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: { field: string; reason: string }[];
}
interface Team {
  teamId: string;
  status: string;
  leaderId: string | null;
  roster: { memberId: string; leader: boolean }[];
}

const pilotCsv = fs.readFileSync(new URL('fixtures/dak-lak-pilot.csv', import.meta.url));
const team = (overrides: Record<string, unknown> = {}) => ({
  name: 'Tổ công nghệ số cộng đồng thôn Ea Kênh',
  teamType: 'community_digital_technology',
  unitCode: '24172-001',
  decision: { number: '57/QĐ-UBND', date: '2022-03-20' },
  ...overrides,
});

function expectProblem(reply: Reply, status: number, field: string, type?: string): void {
  expect(reply.status).toBe(status);
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
  const problem = reply.body as Problem;
  expect(problem.errors?.map((e) => e.field)).toContain(field);
  expect(problem.errors?.every((e) => e.reason.length > 0)).toBe(true);
  if (type) expect(problem.type).toBe(`https://nhip.vn/problems/${type}`);
}

describe('registry rules and bad input', () => {
  let registry: RunningRegistry;
  let teamId: string;
  let lan: string;
  let minh: string;

  const roster = async () => (await registry.get<Team>(`/teams/${teamId}`)).body;
  const teamCount = async () => (await registry.get<{ total: number }>('/teams?unit=66')).body.total;
  const newMember = async (fullName: string) =>
    (
      await registry.post<{ memberId: string }>('/members', {
        fullName,
        phone: '0912345678',
        birthYear: 1971,
      })
    ).body.memberId;

  beforeAll(async () => {
    registry = await startRegistry('rules');
    await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01', pilotCsv, {
      'content-type': 'text/csv',
    });
    expect(
      (await registry.post('/units/24172/villages', { name: 'Thôn Ea Kênh', type: 'Thôn' })).body,
    ).toMatchObject({
      code: '24172-001',
      path: ['66', '643', '24172', '24172-001'],
    });
    teamId = (await registry.post<Team>('/teams', team())).body.teamId;
    lan = await newMember('H’Lan Niê');
    minh = await newMember('Y Minh Êban');
    await registry.post(`/teams/${teamId}/members`, {
      memberId: lan,
      role: 'member',
      affiliation: 'village_head',
    });
    await registry.post(`/teams/${teamId}/leader`, { memberId: lan });
  });
  afterAll(() => registry.stop());

  it('refuses a team on a unit that is not in the tree in force', async () => {
    expectProblem(
      await registry.post('/teams', team({ unitCode: '99999' })),
      422,
      'unitCode',
      'unknown_unit',
    );
    expect(await teamCount()).toBe(1);
  });

  it('refuses a decision dated after today', async () => {
    expectProblem(
      await registry.post('/teams', team({ decision: { number: '1/QĐ', date: '2099-01-01' } })),
      422,
      'decision.date',
      'decision_date_in_future',
    );
    expect(await teamCount()).toBe(1);
  });

  it('refuses a village under a unit that is not a commune (wrong level) or does not exist', async () => {
    expectProblem(
      await registry.post('/units/643/villages', { name: 'Thôn X', type: 'Thôn' }),
      422,
      'communeCode',
      'wrong_level',
    );
    expectProblem(
      await registry.post('/units/99999/villages', { name: 'Thôn X', type: 'Thôn' }),
      422,
      'communeCode',
      'unknown_unit',
    );
    expectProblem(
      await registry.post('/units/24172/villages', { name: 'thôn  ea kênh', type: 'Thôn' }),
      409,
      'name',
      'village_already_registered',
    );
    expect((await registry.get<{ children: unknown[] }>('/units/24172')).body.children).toHaveLength(1);
  });

  it('refuses a member twice and a leader who is not a member; the roster stays as it was', async () => {
    const before = await roster();
    expectProblem(
      await registry.post(`/teams/${teamId}/members`, {
        memberId: lan,
        role: 'member',
        affiliation: 'police',
      }),
      422,
      'memberId',
      'member_already_in_team',
    );
    expectProblem(
      await registry.post(`/teams/${teamId}/leader`, { memberId: minh }),
      422,
      'memberId',
      'leader_not_member',
    );
    expectProblem(
      await registry.post(`/teams/${teamId}/members/${lan}/removal`, { reason: 'Nghỉ' }),
      422,
      'memberId',
      'cannot_remove_leader',
    );
    expect(await roster()).toEqual(before);
  });

  it.each([
    { what: 'malformed JSON', body: '{"name": "Tổ', field: 'body' },
    { what: 'an unknown field', body: JSON.stringify(team({ colour: 'red' })), field: 'colour' },
    { what: 'a missing field', body: JSON.stringify({ ...team(), decision: undefined }), field: 'decision' },
    { what: 'a wrong type', body: JSON.stringify(team({ name: 42 })), field: 'name' },
    { what: 'an unknown team type', body: JSON.stringify(team({ teamType: 'band' })), field: 'teamType' },
    {
      what: 'a date that is not a date',
      body: JSON.stringify(team({ decision: { number: '1', date: '2022-02-30' } })),
      field: 'decision.date',
    },
  ])('answers $what with 400 naming the field, and registers nothing', async ({ body, field }) => {
    const reply = await registry.post('/teams', body, { 'content-type': 'application/json' });
    expectProblem(reply, 400, field);
    expect(await teamCount()).toBe(1);
  });

  // Hand-picked cases miss what nobody thought of (a missing nested object was a 500 once): any
  // body made by breaking a valid one gets an answer below 500, and a refusal names its fields.
  it('answers any mangled registration with a 4xx that names fields, never a 500', async () => {
    // On a unit that does not exist, so even a body that stays valid is refused and writes nothing.
    const valid = team({ unitCode: '99999' });
    const mangled = fc
      .record({
        drop: fc.subarray(Object.keys(valid)),
        replace: fc.dictionary(
          fc.constantFrom(...Object.keys(valid), 'decision.date', 'extra'),
          fc.anything(),
        ),
      })
      .map(({ drop, replace }) => {
        const body: Record<string, unknown> = { ...valid, decision: { ...valid.decision } };
        for (const key of drop) Reflect.deleteProperty(body, key);
        for (const [key, value] of Object.entries(replace)) {
          if (key === 'decision.date') body['decision'] = { number: '1', date: value };
          else body[key] = value;
        }
        return body;
      });
    await fc.assert(
      fc.asyncProperty(mangled, async (body) => {
        const reply = await registry.post('/teams', body);
        expect(reply.status).toBeGreaterThanOrEqual(400);
        expect(reply.status).toBeLessThan(500);
        expect((reply.body as Problem).errors?.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
    expect(await teamCount()).toBe(1);
  });

  it('answers unknown and malformed ids with 404 and 400', async () => {
    expectProblem(await registry.get('/teams/7d0f0a3e-1111-4222-8333-944455556666'), 404, 'teamId');
    expectProblem(await registry.get('/teams/not-a-uuid'), 400, 'teamId');
    expectProblem(await registry.get('/units/24172?asOf=2025-13-01'), 400, 'asOf');
  });

  it('refuses a 10 MB body from its declared length with 413, before reading it', async () => {
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(Number(new URL(registry.base).port), '127.0.0.1', () => {
        socket.write(
          `POST /teams HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
            `Content-Length: ${10 * 1024 * 1024}\r\n\r\n{"name":"`,
        );
      });
      let text = '';
      // The server drains an upload before closing (so clients see the 413): stop at the answer.
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('"status":413')) socket.destroy();
      });
      socket.on('close', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 413 /);
    expect(raw).toContain('"field":"body"');
    expect(await teamCount()).toBe(1);
  });

  it('answers a whole 10 MB upload with 413, not a reset connection', async () => {
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'a');
    for (const contentType of ['application/json', 'text/csv']) {
      const url =
        contentType === 'text/csv' ? '/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01' : '/teams';
      const response = await fetch(`${registry.base}${url}`, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: tenMegabytes,
        signal: AbortSignal.timeout(15_000),
      });
      expect(response.status).toBe(413);
      expect(((await response.json()) as Problem).errors?.[0]?.field).toBe('body');
    }
    expect(await teamCount()).toBe(1);
  });

  it('answers a retried registration (same Idempotency-Key) with the first result', async () => {
    const key = { 'idempotency-key': 'c7a4b0f2-5d1e-4c3b-9a8f-0e1d2c3b4a59' };
    const first = await registry.post<{ memberId: string }>('/members', { fullName: 'Lê Văn Tư' }, key);
    const again = await registry.post<{ memberId: string }>('/members', { fullName: 'Lê Văn Tư' }, key);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body.memberId).toBe(first.body.memberId);
    const village = { name: 'Tổ Ea Tu', teamType: 'youth_union_volunteers', unitCode: '24172' };
    const t1 = await registry.post<Team>('/teams', team(village), { 'idempotency-key': 'team-retry-1' });
    const t2 = await registry.post<Team>('/teams', team(village), { 'idempotency-key': 'team-retry-1' });
    expect(t2.body.teamId).toBe(t1.body.teamId);
    expect(await teamCount()).toBe(2);
  });

  describe('a dissolved team', () => {
    it('no longer changes, and no longer covers its village', async () => {
      const other = (
        await registry.post<Team>(
          '/teams',
          team({ name: 'Tổ Đề án 06 thôn Ea Kênh', teamType: 'project_06' }),
        )
      ).body.teamId;
      const dissolved = await registry.post<Team>(`/teams/${other}/dissolution`, { reason: 'Sáp nhập tổ' });
      expect(dissolved.body.status).toBe('dissolved');
      expectProblem(
        await registry.post(`/teams/${other}/members`, {
          memberId: minh,
          role: 'member',
          affiliation: 'youth_union',
        }),
        422,
        'teamId',
        'team_dissolved',
      );
      const coverage = async () =>
        (await registry.get<{ unit: { villagesWithActiveTeam: number } }>('/units/24172/coverage')).body.unit
          .villagesWithActiveTeam;
      expect(await coverage()).toBe(1);
      await registry.post(`/teams/${teamId}/suspension`, { reason: 'Kiện toàn lại tổ' });
      expect(await coverage()).toBe(0);
      await registry.post(`/teams/${teamId}/reinstatement`);
      expect(await coverage()).toBe(1);
    });
  });

  describe('personal data', () => {
    it('is erased on request, audited, and the history stays consistent', async () => {
      const hoa = await newMember('Nguyễn Thị Hoa');
      await registry.post(`/teams/${teamId}/members`, {
        memberId: hoa,
        role: 'member',
        affiliation: 'womens_union',
      });
      // The officer of the team's commune: the one role besides admin that sees names and phones.
      const officer = registry.as(
        await tokenFor({ sub: 'officer-7', role: 'commune-officer', unit: '24172' }),
      );
      const unexplained = await officer.get<Problem>(`/members/${hoa}/personal-data`);
      expect(unexplained.status).toBe(400);
      expect(unexplained.body.errors?.[0]?.field).toBe('reason');
      const read = await officer.get<{ fullName: string }>(
        `/members/${hoa}/personal-data?reason=${encodeURIComponent('Liên hệ tập huấn')}`,
      );
      expect(read.body.fullName).toBe('Nguyễn Thị Hoa');
      const ioc = registry.as(await tokenFor({ sub: 'ioc-1', role: 'ioc-operator', unit: '66' }));
      expect((await ioc.get(`/members/${hoa}/personal-data?reason=xem`)).status).toBe(403);
      const erased = await officer.post<{
        fullName: string | null;
        phone: string | null;
        erasedAt: string | null;
      }>(`/members/${hoa}/erasure`, { reason: 'Yêu cầu của chủ thể dữ liệu' });
      expect(erased.status).toBe(200);
      expect(erased.body).toMatchObject({ fullName: null, phone: null });
      expect(erased.body.erasedAt).not.toBeNull();
      expect((await officer.get(`/members/${hoa}/personal-data/audit`)).status).toBe(403);
      const audit = await registry.get<{ action: string; actor: string; reason: string | null }[]>(
        `/members/${hoa}/personal-data/audit`,
      );
      expect(audit.body.map((a) => a.action)).toEqual(['create', 'read', 'erase', 'read']);
      expect(audit.body.slice(1).map((a) => [a.actor, a.reason])).toEqual([
        ['officer-7', 'Liên hệ tập huấn'],
        ['officer-7', 'Yêu cầu của chủ thể dữ liệu'],
        ['officer-7', 'Yêu cầu của chủ thể dữ liệu'],
      ]);
      // The member stays in the team's history under the pseudonymous id.
      expect((await roster()).roster.map((m) => m.memberId)).toContain(hoa);

      const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'erasure-reader' });
      try {
        const erasures = (
          await readTopic(messaging, `${registry.topicPrefix}${publicTopics.registryMember}`)
        ).filter((m) => m.key === hoa);
        expect(erasures).toHaveLength(1);
        expect(erasures[0]?.value.toString()).not.toContain('Hoa');
      } finally {
        await messaging.close();
      }
    });
  });
});
