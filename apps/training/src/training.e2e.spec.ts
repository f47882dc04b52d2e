// The training service's rules on the real broker and databases, with a real registry beside it:
// what a session must be, when it takes attendance, which lines of a completion list are refused
// and why, and a member trained once however many sessions they attend.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers, tokenFor } from '@nhip/testing';
import { startPlatform, type Platform } from './fixtures/platform.ts';
import { heldSession, registerSmallProvince, type SmallProvince } from './fixtures/small-province.ts';

interface Problem {
  type: string;
  errors?: { field: string; reason: string }[];
}
interface Imported {
  summary: Record<string, number>;
  verdicts: {
    line: number;
    verdict: string;
    memberId?: string;
    newlyTrained?: boolean;
    errors?: { field: string; reason: string }[];
  }[];
}

describe('training service beside the registry', () => {
  let platform: Platform;
  let province: SmallProvince;
  const attend = (sessionId: string, memberId: string, bridgePoint?: string) =>
    platform.training.post<Problem & { verdict?: string; newlyTrained?: boolean }>(
      `/sessions/${sessionId}/attendance`,
      {
        memberId,
        ...(bridgePoint ? { bridgePoint } : {}),
      },
    );

  beforeAll(async () => {
    platform = await startPlatform('rules');
    province = await registerSmallProvince(platform);
  }, 180_000);
  afterAll(() => platform.stop());

  it('answers its health check with the replica lag, and serves its OpenAPI document', async () => {
    expect((await platform.training.get('/health')).body).toMatchObject({
      status: 'ok',
      service: 'training',
    });
    const docs = await platform.training.get<{ paths: Record<string, unknown> }>('/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining(['/sessions/{sessionId}/attendance/imports']),
    );
  });

  it('refuses a session that ends before it starts, or whose bridge point is not under its unit, naming the field', async () => {
    const plan = {
      courseId: province.courseId,
      unitCode: '640',
      mode: 'online',
      startsAt: '2022-09-19T08:00:00+07:00',
    };
    const backwards = await platform.training.post<Problem>('/sessions', {
      ...plan,
      endsAt: '2022-09-19T07:00:00+07:00',
    });
    expect(backwards.status).toBe(422);
    expect(backwards.body.errors).toEqual([expect.objectContaining({ field: 'endsAt' })]);
    const outside = await platform.training.post<Problem>('/sessions', {
      ...plan,
      endsAt: '2022-09-19T11:00:00+07:00',
      bridgePoints: [{ unitCode: '24001' }, { unitCode: '24100' }],
    });
    expect(outside.status).toBe(422);
    expect(outside.body.errors).toEqual([{ field: 'bridgePoints[1].unitCode', reason: 'not under 640' }]);
    const malformed = await platform.training.post<Problem>('/sessions', {
      ...plan,
      endsAt: 'tomorrow',
      mode: 'radio',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.map((e) => e.field).sort()).toEqual(['endsAt', 'endsAt', 'mode']);
  });

  it('lets a district plan only with bridge points and hosts of its own, and lists a session where it touches', async () => {
    const districtOf = async (unit: string) =>
      platform.training.as(await tokenFor({ sub: `oc-${unit}`, role: 'district-oc', unit }));
    const [oc640, oc641] = [await districtOf('640'), await districtOf('641')];
    const plan = (bridgePoints: { unitCode: string; hostUnitCode?: string }[]) => ({
      sessionId: randomUUID(),
      courseId: province.courseId,
      unitCode: '640',
      mode: 'online',
      startsAt: '2022-09-20T08:00:00+07:00',
      endsAt: '2022-09-20T11:00:00+07:00',
      bridgePoints,
    });
    // 24020 is a commune of district 641: hosting 640's bridge point there is outside 640's area.
    const hostedAway = await oc640.post<Problem>(
      '/sessions',
      plan([{ unitCode: '24001' }, { unitCode: '24002', hostUnitCode: '24020' }]),
    );
    expect(hostedAway.status).toBe(403);
    expect(hostedAway.body.errors).toEqual([{ field: 'bridgePoints', reason: 'unit 24020 is outside 640' }]);
    const own = plan([{ unitCode: '24001' }, { unitCode: '24002', hostUnitCode: '24003' }]);
    expect((await oc640.post('/sessions', own)).status).toBe(201);

    const listed = async (caller: typeof oc640, unit: string) =>
      (await caller.get<{ items: { sessionId: string }[] }>(`/sessions?unit=${unit}`)).body.items.some(
        (session) => session.sessionId === own.sessionId,
      );
    await eventually(async () => listed(oc640, '24001'));
    expect({
      '640 at 24002': await listed(oc640, '24002'),
      '640 at 24005 (no bridge point)': await listed(oc640, '24005'),
      '641 at 641': await listed(oc641, '641'),
      'admin at 24001': await listed(platform.training, '24001'),
    }).toEqual({
      '640 at 24002': true,
      '640 at 24005 (no bridge point)': false,
      '641 at 641': false,
      'admin at 24001': true,
    });
  });

  it('takes no attendance before the session is held, none once it is cancelled, and never holds a cancelled one', async () => {
    const sessionId = await heldSession(platform.training, province.courseId, false);
    const lan = province.members['lan']!.memberId;
    const early = await attend(sessionId, lan);
    expect([early.status, early.body.errors?.[0]?.field]).toEqual([422, 'sessionId']);
    expect(early.body.errors?.[0]?.reason).toMatch(/not been recorded as held/);
    expect(
      (await platform.training.post(`/sessions/${sessionId}/cancellation`, { reason: 'Hoãn do mưa bão' }))
        .status,
    ).toBe(200);
    const late = await attend(sessionId, lan);
    expect([late.status, late.body.errors?.[0]?.reason]).toEqual([
      422,
      'the session was cancelled: it takes no attendance',
    ]);
    expect((await platform.training.post<Problem>(`/sessions/${sessionId}/held`)).body.type).toMatch(
      /session_cancelled$/,
    );
    const session = await platform.training.get<{ status: string; reach: { attendees: number } }>(
      `/sessions/${sessionId}`,
    );
    expect([session.body.status, session.body.reach.attendees]).toEqual(['cancelled', 0]);
  });

  it('rejects lines for unknown members, members of dissolved teams and malformed lines, each with its reason', async () => {
    const { members, teams } = province;
    await platform.registry.post(`/teams/${teams['24002']!}/dissolution`, { reason: 'Sáp nhập thôn' });
    await eventually(
      async () =>
        (await platform.training.sql(`SELECT 1 FROM replica_teams WHERE status = 'dissolved'`)).length === 1,
    );
    const sessionId = await heldSession(platform.training, province.courseId);
    const rows = [
      `1;+84${members['lan']!.phone.slice(1)};;24000;19/09/2022`,
      `2;;${randomUUID()};24000;19/09/2022`,
      `3;0900000009;;24000;19/09/2022`,
      `4;;${members['chi']!.memberId};24002;19/09/2022`,
      `5;;abc;24000;19/09/2022`,
      `6;;${members['dung']!.memberId};;`,
      `7;;${members['binh']!.memberId};24000;19/09/2022`,
      `8;;${members['binh']!.memberId};24001;31/02/2022`,
      `9;${members['lan']!.phone};;24000;19/09/2022`,
    ];
    const csv = `\uFEFFSTT;Số điện thoại;Mã thành viên;Điểm cầu;Ngày hoàn thành\r\n${rows.join('\r\n')}\r\n`;
    const reply = await platform.training.post<Imported>(
      `/sessions/${sessionId}/attendance/imports`,
      Buffer.from(csv),
      {
        'content-type': 'text/csv',
      },
    );
    expect(reply.status).toBe(200);
    const byLine = (line: number) => reply.body.verdicts.find((v) => v.line === line);
    expect(byLine(2)).toMatchObject({
      verdict: 'accepted',
      memberId: members['lan']!.memberId,
      newlyTrained: true,
    });
    const reasons = [3, 4, 5, 6, 7, 8, 9].map((line) =>
      byLine(line)?.errors?.map((e) => `${e.field}: ${e.reason}`),
    );
    expect(reasons).toEqual([
      ['memberId: not a member of any team the registry knows'],
      ['phone: no member with this phone number in the registry'],
      ["memberId: the member's team there is dissolved"],
      ['memberId: not a member id (a UUID)'],
      ['memberId: not a member of any team the registry knows'],
      ['memberId: not in a team of unit 24000'],
      ['completedOn: not a date (dd/mm/yyyy)'],
    ]);
    expect(byLine(10)).toMatchObject({ verdict: 'duplicate', of: 'line 2' });
    expect(reply.body.summary).toEqual({ lines: 9, accepted: 1, duplicate: 1, rejected: 7, newlyTrained: 1 });
  });

  it('publishes member-trained once for a member who attends two sessions', async () => {
    const binh = province.members['binh']!.memberId;
    const first = await heldSession(platform.training, province.courseId);
    const second = await heldSession(platform.training, province.courseId);
    const one = await attend(first, binh, '24001');
    const two = await attend(second, binh);
    expect([one.status, one.body.newlyTrained, two.status, two.body.newlyTrained]).toEqual([
      201,
      true,
      201,
      false,
    ]);
    const again = await attend(second, binh);
    expect([again.status, again.body.verdict]).toEqual([200, 'duplicate']);
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'training-e2e-twice' });
    try {
      const topic = `${platform.topicPrefix}${publicTopics.trainingAttendance}`;
      const ofBinh = await eventually(async () => {
        const found = (await readTopic(messaging, topic)).filter((m) => m.key === binh);
        return found.length >= 3 ? found : undefined;
      });
      const types = ofBinh.map((m) =>
        String(m.headers['ce_type']).replace('vn.nhip.training.attendance.', ''),
      );
      expect(types.sort()).toEqual(['member-trained.v1', 'recorded.v1', 'recorded.v1']);
    } finally {
      await messaging.close();
    }
  });

  it('records a whole list from one bridge point with a verdict per member', async () => {
    const sessionId = await heldSession(platform.training, province.courseId);
    const { lan, chi } = province.members;
    const reply = await platform.training.post<Imported>(`/sessions/${sessionId}/attendance/lists`, {
      bridgePoint: '640',
      memberIds: [lan!.memberId, chi!.memberId, lan!.memberId],
    });
    expect(reply.body.verdicts.map((v) => v.verdict)).toEqual(['accepted', 'rejected', 'duplicate']);
    const unknown = await platform.training.post<Problem>(`/sessions/${randomUUID()}/attendance/lists`, {
      memberIds: [lan!.memberId],
    });
    expect(unknown.status).toBe(404);
  });
});
