// The activity service with a real registry beside it, on the real broker and databases: retries,
// bulk verdicts, corrections and voids as events, the replica following a dissolution, and the
// rules refusing what a commune officer gets wrong.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicEventProblems, publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging, type ReceivedMessage } from '@nhip/messaging';
import { eventually, kafkaBrokers, tokenFor } from '@nhip/testing';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const tree2025 = fs.readFileSync(
  path.join(here, '..', '..', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv'),
);

interface Problem {
  type: string;
  errors?: { field: string; reason: string }[];
}

/** Hours before now, in Vietnam's offset, as a field app would write it. */
const hoursAgo = (hours: number): string => {
  const local = new Date(Date.now() - hours * 3_600_000 + 7 * 3_600_000).toISOString().slice(0, 19);
  return `${local}+07:00`;
};

describe('activity service beside the registry', () => {
  let platform: Platform;
  let teamA: string;
  let teamB: string;
  let lan: string;
  const report = (overrides: Record<string, unknown> = {}) => ({
    activityId: randomUUID(),
    teamId: teamA,
    memberId: lan,
    placeCode: '24175-001',
    kind: 'vneid_activation',
    residentsHelped: 12,
    occurredAt: hoursAgo(20),
    ...overrides,
  });
  const eventsStored = async () =>
    (
      await platform.activity.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'activity-%'`,
      )
    )[0]?.n ?? 0;
  const published = async (): Promise<ReceivedMessage[]> => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'activity-e2e-reader' });
    try {
      return await readTopic(messaging, `${platform.topicPrefix}${publicTopics.activity}`);
    } finally {
      await messaging.close();
    }
  };

  beforeAll(async () => {
    platform = await startPlatform('e2e');
    const { registry } = platform;
    await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', tree2025, {
      'content-type': 'text/csv',
    });
    await registry.post('/units/24175/villages', { name: 'Thôn 1', type: 'Thôn' });
    await registry.post('/units/24343/villages', { name: 'Buôn Ea Kmar', type: 'Buôn' });
    const team = async (unitCode: string) =>
      (
        await registry.post<{ teamId: string }>('/teams', {
          name: `Tổ công nghệ số cộng đồng ${unitCode}`,
          teamType: 'community_digital_technology',
          unitCode,
          decision: { number: '12/QĐ-UBND', date: '2025-08-01' },
        })
      ).body.teamId;
    teamA = await team('24175-001');
    teamB = await team('24343-001');
    lan = (await registry.post<{ memberId: string }>('/members', { fullName: 'H’Lan Niê' })).body.memberId;
    await registry.post(`/teams/${teamA}/members`, {
      memberId: lan,
      role: 'member',
      affiliation: 'village_head',
    });
    await replicaCaughtUp(platform, [teamA, teamB]);
    await eventually(
      async () => (await platform.activity.sql('SELECT 1 FROM replica_team_members')).length === 1,
    );
  });
  afterAll(() => platform.stop());

  it('stores and publishes a retried report once, keyed by its commune, answering the retry with the original', async () => {
    const body = report();
    const first = await platform.activity.post<{ communeCode: string; recordedAt: string }>(
      '/activities',
      body,
    );
    const again = await platform.activity.post('/activities', body);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(again.body).toEqual(first.body);
    expect(first.body.communeCode).toBe('24175');
    const stored = await platform.activity.sql(`SELECT 1 FROM es_events WHERE stream_id = $1`, [
      `activity-${body.activityId}`,
    ]);
    expect(stored).toHaveLength(1);
    const mine = await eventually(async () => {
      const found = (await published()).filter((m) => m.headers['ce_subject'] === body.activityId);
      return found.length > 0 ? found : undefined;
    });
    expect(mine).toHaveLength(1);
    expect(mine[0]?.key).toBe('24175');
    expect(
      publicEventProblems(mine[0]?.headers['ce_type'] ?? '', JSON.parse(mine[0]?.value.toString() ?? '')),
    ).toEqual([]);
  });

  it('reads back a report under any id it accepted, and accepts none under the nil or max UUID', async () => {
    // Version 0, variant c: well formed, not RFC 9562's; a client's generator may give it.
    const odd = report({ activityId: `${randomUUID().slice(0, 14)}0abc-cdef-${randomUUID().slice(24)}` });
    const nil = report({ activityId: '00000000-0000-0000-0000-000000000000' });
    const [posted, refused] = [
      await platform.activity.post('/activities', odd),
      await platform.activity.post<Problem>('/activities', nil),
    ];
    const read = await platform.activity.get(`/activities/${odd.activityId}`);
    expect([posted.status, read.status, refused.status, refused.body.errors]).toEqual([
      201,
      200,
      400,
      [{ field: 'activityId', reason: 'the nil and max UUIDs name nothing: generate one (version 4 or 7)' }],
    ]);
  });

  it('refuses another report under a used id with 409', async () => {
    const body = report();
    await platform.activity.post('/activities', body);
    const reused = await platform.activity.post<Problem>('/activities', { ...body, residentsHelped: 13 });
    expect(reused.status).toBe(409);
    expect(reused.body.errors?.[0]?.field).toBe('activityId');
  });

  it.each([
    {
      what: 'an unknown team, saying how to retry',
      changes: { teamId: randomUUID() },
      status: 422,
      field: 'teamId',
      reason: /retry the same report/,
    },
    {
      what: 'a member who is not in the team',
      changes: { memberId: randomUUID() },
      status: 422,
      field: 'memberId',
      reason: /not .* in the team/,
    },
    {
      what: 'a place outside the team’s commune',
      changes: { placeCode: '24343-001' },
      status: 422,
      field: 'placeCode',
      reason: /outside the team's commune/,
    },
    {
      what: 'a date in the future',
      changes: { occurredAt: hoursAgo(-2) },
      status: 422,
      field: 'occurredAt',
      reason: /future/,
    },
    {
      what: 'a report older than any window (a commune officer’s 60 days: activity-upload.e2e.spec.ts)',
      changes: { occurredAt: hoursAgo(24 * 401) },
      status: 422,
      field: 'occurredAt',
      reason: /^Reports are accepted up to 400 days after the activity; this one happened 401 days ago\.$/,
    },
    {
      what: 'no residents',
      changes: { residentsHelped: 0 },
      status: 400,
      field: 'residentsHelped',
      reason: /.+/,
    },
    {
      what: 'an absurd count',
      changes: { residentsHelped: 10_001 },
      status: 400,
      field: 'residentsHelped',
      reason: /.+/,
    },
    { what: 'an unknown kind', changes: { kind: 'karaoke' }, status: 400, field: 'kind', reason: /.+/ },
    { what: 'an unknown field', changes: { colour: 'red' }, status: 400, field: 'colour', reason: /.+/ },
  ])('refuses $what, writing nothing', async ({ changes, status, field, reason }) => {
    const before = await eventsStored();
    const reply = await platform.activity.post<Problem>('/activities', report(changes));
    expect(reply.status).toBe(status);
    expect(reply.contentType).toMatch(/problem\+json/);
    const problem = reply.body.errors?.find((e) => e.field === field);
    expect(problem?.reason).toMatch(reason);
    expect(await eventsStored()).toBe(before);
  });

  it('gives every line of an NDJSON file its verdict: accepted, duplicate, rejected with the reason', async () => {
    const earlier = report();
    await platform.activity.post('/activities', earlier);
    const good = report();
    const lines = [
      JSON.stringify(good),
      JSON.stringify(good),
      '{"activityId": "not json',
      JSON.stringify(report({ teamId: randomUUID() })),
      JSON.stringify(earlier),
      JSON.stringify(report({ kind: 'e_payment_account', residentsHelped: 3 })),
    ].join('\n');
    const before = await eventsStored();
    const correlationId = randomUUID();
    // Hòa Phú's officer uploads the commune's file; the log names them from their token.
    const officer = platform.activity.as(
      await tokenFor({ sub: 'officer-bulk', role: 'commune-officer', unit: '24175' }),
    );
    const reply = await officer.post<{
      summary: unknown;
      verdicts: { line: number; verdict: string; errors?: { field: string }[] }[];
    }>('/activities/bulk', lines, {
      'content-type': 'application/x-ndjson',
      'x-correlation-id': correlationId,
    });
    expect(reply.status).toBe(200);
    expect(reply.headers.get('x-correlation-id')).toBe(correlationId);
    // The service's log is JSON lines; this upload's are found by its correlation id (ADR 0014).
    // The closing line is written as the response goes out, so it may reach the pipe after it.
    const loggedLines = () =>
      platform.activity
        .output()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>)
        .filter((line) => line['correlationId'] === correlationId);
    const logged = await eventually(() => {
      const found = loggedLines();
      return found.some((line) => line['msg'] === 'request completed') ? found : undefined;
    });
    expect(logged.find((line) => line['msg'] === 'bulk progress')).toMatchObject({
      service: 'activity',
      actor: 'officer-bulk',
      done: 6,
      total: 6,
    });
    expect(logged.find((line) => line['msg'] === 'request completed')).toMatchObject({
      method: 'POST',
      url: '/activities/bulk',
      status: 200,
    });
    expect(reply.body.summary).toEqual({ lines: 6, accepted: 2, duplicate: 2, rejected: 2 });
    expect(reply.body.verdicts.map((v) => [v.line, v.verdict, v.errors?.[0]?.field])).toEqual([
      [1, 'accepted', undefined],
      [2, 'duplicate', undefined],
      [3, 'rejected', 'line'],
      [4, 'rejected', 'teamId'],
      [5, 'duplicate', undefined],
      [6, 'accepted', undefined],
    ]);
    expect(await eventsStored()).toBe(before + 2);
  });

  it("accepts a commune's Excel export: BOM, ';', Vietnamese headers, dd/mm/yyyy", async () => {
    const day = hoursAgo(30).slice(0, 10).split('-').reverse().join('/');
    const csv =
      '\uFEFFMã tổ;Mã thành viên;Nơi thực hiện;Loại hoạt động;Số người dân được hỗ trợ;Thời gian\r\n' +
      `${teamA};${lan};24175-001;Mở tài khoản ngân hàng, thanh toán điện tử;7;${day} 19:30\r\n` +
      `${teamA};;24175;Tuyên truyền, phổ biến;45;${day}\r\n`;
    const reply = await platform.activity.post<{ summary: unknown }>('/activities/bulk', Buffer.from(csv), {
      'content-type': 'text/csv',
    });
    expect(reply.body.summary).toEqual({ lines: 2, accepted: 2, duplicate: 0, rejected: 0 });
    const again = await platform.activity.post<{ summary: unknown }>('/activities/bulk', Buffer.from(csv), {
      'content-type': 'text/csv',
    });
    expect(again.body.summary).toEqual({ lines: 2, accepted: 0, duplicate: 2, rejected: 0 });
  });

  it('publishes a correction and a void as events with who and why', async () => {
    const body = report();
    const officer = platform.activity.as(
      await tokenFor({ sub: 'officer-7', role: 'commune-officer', unit: '24175' }),
    );
    await officer.post('/activities', body);
    const corrected = await officer.post(`/activities/${body.activityId}/corrections`, {
      residentsHelped: 21,
      reason: 'Nhập nhầm số',
    });
    expect(corrected.status).toBe(200);
    expect(
      (await officer.post(`/activities/${body.activityId}/void`, { reason: 'Báo cáo trùng' })).status,
    ).toBe(200);
    const again = await officer.post<Problem>(`/activities/${body.activityId}/void`, { reason: 'again' });
    expect(again.status).toBe(422);
    const types = await eventually(async () => {
      const mine = (await published()).filter((m) => m.headers['ce_subject'] === body.activityId);
      return mine.length === 3 ? mine : undefined;
    });
    expect(types.map((m) => m.headers['ce_type'])).toEqual([
      'vn.nhip.activity.activity.logged.v1',
      'vn.nhip.activity.activity.corrected.v1',
      'vn.nhip.activity.activity.voided.v1',
    ]);
    expect(JSON.parse(types[1]?.value.toString() ?? '')).toMatchObject({
      residentsHelped: 21,
      previousResidentsHelped: 12,
      correctedBy: 'officer-7',
    });
  });

  it('follows the registry: a team dissolved there can no longer report here', async () => {
    const before = report({ teamId: teamB, memberId: null, placeCode: '24343-001' });
    expect((await platform.activity.post('/activities', before)).status).toBe(201);
    await platform.registry.post(`/teams/${teamB}/dissolution`, { reason: 'Sáp nhập tổ' });
    await eventually(async () => {
      const reply = await platform.activity.post<Problem>(
        '/activities',
        report({ teamId: teamB, memberId: null, placeCode: '24343-001' }),
      );
      return reply.status === 422 && reply.body.type.endsWith('team_dissolved');
    });
    // A report accepted before the dissolution, retried after it, still gets its original answer.
    const retried = await platform.activity.post('/activities', before);
    expect([retried.status, retried.headers.get('idempotent-replayed')]).toEqual([200, 'true']);
  });

  it('records a campaign and checks reports against it', async () => {
    const campaignId = randomUUID();
    const today = hoursAgo(0).slice(0, 10);
    const defined = await platform.activity.post('/campaigns', {
      campaignId,
      name: 'Mỗi đêm 1 giờ',
      startsOn: today,
      endsOn: today,
      unitCodes: ['24175'],
      target: { kind: 'vneid_activation', residents: 2000 },
    });
    expect(defined.status).toBe(201);
    const inside = await platform.activity.post(
      '/activities',
      report({ campaignId, occurredAt: hoursAgo(0) }),
    );
    const before = await platform.activity.post<Problem>(
      '/activities',
      report({ campaignId, occurredAt: hoursAgo(48) }),
    );
    expect([inside.status, before.status]).toEqual([201, 422]);
    expect(before.body.errors?.[0]?.field).toBe('occurredAt');
  });

  it('lets an operator define and read campaigns over units of its area only, naming the unit refused', async () => {
    const operator = platform.activity.as(
      await tokenFor({ sub: 'ioc-hoa-phu', role: 'ioc-operator', unit: '24175' }),
    );
    const today = hoursAgo(0).slice(0, 10);
    const campaign = (unitCodes: string[]) => ({
      campaignId: randomUUID(),
      name: 'Ngày hội chuyển đổi số',
      startsOn: today,
      endsOn: today,
      unitCodes,
    });
    const inside = campaign(['24175', '24175-001']);
    const defined = await operator.post('/campaigns', inside);
    const across = await operator.post<Problem>('/campaigns', campaign(['24175-001', '24343', '24175']));
    expect([defined.status, across.status]).toEqual([201, 403]);
    expect(across.body.errors).toEqual([{ field: 'unitCodes', reason: 'unit 24343 is outside 24175' }]);

    const neighbour = platform.activity.as(
      await tokenFor({ sub: 'ioc-krong-nang', role: 'ioc-operator', unit: '24343' }),
    );
    const own = await operator.get(`/campaigns/${inside.campaignId}`);
    const other = await neighbour.get<Problem>(`/campaigns/${inside.campaignId}`);
    expect([own.status, other.status]).toEqual([200, 403]);
    expect(other.body.errors).toEqual([{ field: 'campaignId', reason: 'unit 24175 is outside 24343' }]);
  });
});
