// The month's campaign, the province's course and today's online session, made once by the
// simulator (and again, harmlessly, by every later start: each POST is keyed, and a 409 means an
// earlier start made it). Yesterday's session, held, is training-held.ts'.
import { deterministicUuid } from '@nhip/event-sourcing';
import { call, type Endpoints } from './province.ts';

/** The course the simulated sessions teach. */
export const simCourseId = deterministicUuid('sim/course/ky-nang-so');

/**
 * A morning's online session of the province's course (8:00 to 11:00, Vietnam time), each commune
 * named a bridge point hosting itself: today's, and yesterday's that training-held.ts records as held.
 */
export const onlineSession = (
  sessionId: string,
  province: string,
  day: string,
  communeCodes: readonly string[],
) => ({
  sessionId,
  courseId: simCourseId,
  unitCode: province,
  mode: 'online',
  startsAt: `${day}T08:00:00+07:00`,
  endsAt: `${day}T11:00:00+07:00`,
  bridgePoints: communeCodes.map((code) => ({ unitCode: code, hostUnitCode: code })),
});

/** Made already (409) is as good as made now: an earlier start, or an attempt cut off after the write. */
async function madeOnce(
  ends: Endpoints,
  request: { what: string; url: string; body: unknown; key: string },
): Promise<void> {
  const reply = await call(ends, request.url, request.body, request.key);
  if (reply.status >= 300 && reply.status !== 409)
    throw new Error(`${request.what}: ${reply.status} ${JSON.stringify(reply.body)}`);
}

export async function campaignAndTraining(
  ends: Endpoints,
  province: string,
  communes: readonly { code: string }[],
  today: string,
): Promise<void> {
  const in30 = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
  const made = (what: string, url: string, body: unknown, key: string) =>
    madeOnce(ends, { what, url, body, key });
  const campaignId = deterministicUuid(`sim/campaign/${today.slice(0, 7)}`);
  await made(
    'campaign',
    `${ends.activity}/campaigns`,
    {
      campaignId,
      name: 'Chiến dịch cao điểm 30 ngày: VNeID cho mọi người dân',
      startsOn: today,
      endsOn: in30,
      unitCodes: [province],
      target: { kind: 'vneid_activation', residents: 50_000 },
    },
    `sim/campaign/${campaignId}`,
  );
  await made(
    'course',
    `${ends.training}/courses`,
    {
      courseId: simCourseId,
      title: 'Kỹ năng số cho Tổ công nghệ số cộng đồng',
      topic: 'digital_skills',
      provider: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk',
    },
    `sim/course/${simCourseId}`,
  );
  const sessionId = deterministicUuid(`sim/session/${today}`);
  await made(
    'today’s session',
    `${ends.training}/sessions`,
    onlineSession(
      sessionId,
      province,
      today,
      communes.slice(0, 6).map(({ code }) => code),
    ),
    `sim/session/${sessionId}`,
  );
}
