// The Đắk Lắk session of 19 Sep 2022 at full size, on the real broker and databases: 125 commune
// and 15 district bridge points, a completion list of 7,121 attendees of 1,147 generated teams
// saved by Excel (BOM, ';', Vietnamese headers, dd/mm/yyyy), half named by phone number and looked
// up in the registry, imported in one upload; the same list again adds nothing.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import { eventually, kafkaBrokers } from '@nhip/testing';
import {
  bridgePointOf,
  communePoints,
  districts,
  memberCount,
  provinceCode,
} from './fixtures/generated-province.ts';
import { registerProvince, type RegisteredMember } from './fixtures/province-setup.ts';
import { replicaCaughtUp, startPlatform, type Platform } from './fixtures/platform.ts';

interface Imported {
  summary: { lines: number; accepted: number; duplicate: number; rejected: number; newlyTrained: number };
  verdicts: { line: number; verdict: string; memberId?: string }[];
}

const phoneValue = /"(\+84|0)9[0-9]{8}"/;
const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);

/** The list as an office saves the platform's export in Excel: names and phones, some ids. */
function completionList(members: readonly RegisteredMember[]): Buffer {
  const lines = members.map((m, i) => {
    const byPhone = i % 2 === 0;
    const phone = byPhone ? `+84${m.phone.slice(1)}` : '';
    return [
      i + 1,
      `"Học viên ${i + 1}; lớp ${bridgePointOf(m.team)}"`,
      phone,
      byPhone ? '' : m.memberId,
      bridgePointOf(m.team),
      '19/09/2022',
    ].join(';');
  });
  const header = 'STT;Họ và tên;Số điện thoại;Mã thành viên;Điểm cầu;Ngày hoàn thành';
  return Buffer.from(`\uFEFF${[header, ...lines].join('\r\n')}\r\n`, 'utf8');
}

describe('the Đắk Lắk online session at full size (140 bridge points, 7,121 attendees)', () => {
  let platform: Platform;
  let members: RegisteredMember[];
  let sessionId: string;
  let list: Buffer;

  beforeAll(async () => {
    platform = await startPlatform('scale');
    const started = performance.now();
    const province = await registerProvince(platform.registry);
    members = province.members;
    process.stdout.write(
      `registered 1,147 teams and ${members.length} members in the registry in ${seconds(started)} s\n`,
    );
    await replicaCaughtUp(platform, province.teamIds, memberCount);
    const { training } = platform;
    const course = await training.post<{ courseId: string }>('/courses', {
      title: 'Phổ cập kỹ năng số cộng đồng',
      topic: 'digital_skills',
      provider: 'Sở Thông tin và Truyền thông',
      platform: 'OneTouch',
    });
    const points = [...districts, ...communePoints].map((unitCode) => ({ unitCode }));
    const session = await training.post<{ sessionId: string }>('/sessions', {
      courseId: course.body.courseId,
      unitCode: provinceCode,
      mode: 'online',
      startsAt: '2022-09-19T08:00:00+07:00',
      endsAt: '2022-09-19T11:30:00+07:00',
      bridgePoints: points,
    });
    expect(session.status).toBe(201);
    sessionId = session.body.sessionId;
    expect((await training.post(`/sessions/${sessionId}/held`)).status).toBe(200);
    list = completionList(members);
    // 15,400 registry requests (teams, members, memberships) one by one, as offices make them.
  }, 600_000);
  afterAll(() => platform.stop());

  it('imports the 7,121-line list in one upload: every line accepted, every member newly trained', async () => {
    const started = performance.now();
    const reply = await platform.training.post<Imported>(`/sessions/${sessionId}/attendance/imports`, list, {
      'content-type': 'text/csv',
    });
    process.stdout.write(
      `imported the ${memberCount}-line completion list in ${seconds(started)} s (one upload, phones looked up in one registry call)\n`,
    );
    expect(reply.status).toBe(200);
    expect(reply.body.summary).toEqual({
      lines: 7121,
      accepted: 7121,
      duplicate: 0,
      rejected: 0,
      newlyTrained: 7121,
    });
    expect(new Set(reply.body.verdicts.map((v) => v.memberId))).toEqual(
      new Set(members.map((m) => m.memberId)),
    );
    const session = await platform.training.get<{ reach: unknown }>(`/sessions/${sessionId}`);
    expect(session.body.reach).toEqual({ bridgePoints: 140, attendees: 7121, newlyTrained: 7121 });
    const points = await platform.training.sql<{ n: number }>(
      'SELECT count(DISTINCT bridge_point)::int AS n FROM rm_attendance WHERE session_id = $1',
      [sessionId],
    );
    expect(points[0]?.n).toBe(140);
  });

  it('audits every phone look-up in the registry with its reason, and keeps no phone in training', async () => {
    const audits = await platform.registry.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM personal_data_audit WHERE action = 'lookup' AND reason = 'nhập danh sách hoàn thành khóa học'`,
    );
    expect(audits[0]?.n).toBe(Math.ceil(memberCount / 2));
    const leaked = await platform.training.sql(
      // A phone would be a JSON string of its own; a UUID never is ten digits.
      `SELECT 1 FROM es_events WHERE data::text ~ $1 UNION ALL SELECT 1 FROM es_outbox WHERE data::text ~ $1`,
      [phoneValue.source],
    );
    expect(leaked).toEqual([]);
  });

  it('adds nothing when the same list is imported again: 0 new, every line a duplicate', async () => {
    const reply = await platform.training.post<Imported>(`/sessions/${sessionId}/attendance/imports`, list, {
      'content-type': 'text/csv',
    });
    expect(reply.body.summary).toEqual({
      lines: 7121,
      accepted: 0,
      duplicate: 7121,
      rejected: 0,
      newlyTrained: 0,
    });
    const stored = await platform.training.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM es_events WHERE stream_id LIKE 'trainee-%'`,
    );
    expect(stored[0]?.n).toBe(7121);
  });

  it('publishes member-trained once per member, keyed by member, with no personal data', async () => {
    const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'training-e2e-scale' });
    try {
      const topic = `${platform.topicPrefix}${publicTopics.trainingAttendance}`;
      const trained = await eventually(
        async () => {
          const all = await readTopic(messaging, topic);
          const found = all.filter(
            (m) => m.headers['ce_type'] === 'vn.nhip.training.attendance.member-trained.v1',
          );
          return found.length >= memberCount ? { all, found } : undefined;
        },
        { timeoutMs: 60_000, intervalMs: 500 },
      );
      expect(trained.found).toHaveLength(memberCount);
      expect(new Set(trained.found.map((m) => m.key))).toEqual(new Set(members.map((m) => m.memberId)));
      expect(trained.all).toHaveLength(2 * memberCount);
      expect(
        trained.all.some((m) => phoneValue.test(String(m.value)) || String(m.value).includes('Học viên')),
      ).toBe(false);
    } finally {
      await messaging.close();
    }
  });
});
