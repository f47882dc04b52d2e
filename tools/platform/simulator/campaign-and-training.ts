// The month's campaign, the province's course and today's online session, made once by the
// simulator (and again, harmlessly, by every later start: each POST is keyed, and a 409 means an
// earlier start made it). Yesterday's session, held, is training-held.ts'. Each is its own step
// (until-done.ts): the course, which every session needs, does not wait on the campaign.
import { deterministicUuid } from '@nhip/event-sourcing';
import { call, requireTaken, type Endpoints } from './province.ts';

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

export async function courseMade(ends: Endpoints): Promise<void> {
  const course = {
    courseId: simCourseId,
    title: 'Kỹ năng số cho Tổ công nghệ số cộng đồng',
    topic: 'digital_skills',
    provider: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk',
  };
  const reply = await call(ends, `${ends.training}/courses`, course, `sim/course/${simCourseId}`);
  requireTaken(reply, 'course');
}

/** The month's campaign, and today's session with six communes as bridge points (after the course). */
export async function campaignAndToday(
  ends: Endpoints,
  province: string,
  communes: readonly { code: string }[],
  today: string,
): Promise<void> {
  const in30 = new Date(Date.parse(today) + 30 * 86_400_000).toISOString().slice(0, 10);
  const campaignId = deterministicUuid(`sim/campaign/${today.slice(0, 7)}`);
  const campaign = {
    campaignId,
    name: 'Chiến dịch cao điểm 30 ngày: VNeID cho mọi người dân',
    startsOn: today,
    endsOn: in30,
    unitCodes: [province],
    target: { kind: 'vneid_activation', residents: 50_000 },
  };
  requireTaken(
    await call(ends, `${ends.activity}/campaigns`, campaign, `sim/campaign/${campaignId}`),
    'campaign',
  );
  const sessionId = deterministicUuid(`sim/session/${today}`);
  const bridgePoints = communes.slice(0, 6).map(({ code }) => code);
  const session = onlineSession(sessionId, province, today, bridgePoints);
  requireTaken(
    await call(ends, `${ends.training}/sessions`, session, `sim/session/${sessionId}`),
    'today’s session',
  );
}
