// Demo training for npm start: two courses (the national "Phổ cập kỹ năng số cộng đồng" on
// OneTouch among them) and three sessions for the Đắk Lắk pilot on the tree in force since
// 1 July 2025: an online one with the pilot communes as bridge points, held, attended by every
// pilot member; an in-person one in Hòa Phú, held, attended by Hòa Phú's members; one still
// planned. Ids derive from what they are, so a second start records nothing twice.
import { deterministicUuid } from '@nhip/event-sourcing';
import { withStep } from '../infra/progress.ts';
import { devToken, personas } from '@nhip/dev-issuer';
import { fetchJson } from './demo-http.ts';
import { serviceUrl, type ServiceDefinition } from './services.ts';

interface Team {
  readonly teamId: string;
  readonly unitCode: string;
}
interface Summary {
  accepted: number;
  duplicate: number;
  rejected: number;
}
interface Listed {
  summary: Summary;
  verdicts: { line: number; verdict: string; errors?: { field: string; reason: string }[] }[];
}

const id = (name: string) => deterministicUuid(`demo/training/${name}`);
const courses = [
  {
    courseId: id('course/pho-cap-ky-nang-so'),
    title: 'Phổ cập kỹ năng số cộng đồng',
    topic: 'digital_skills',
    provider: 'Bộ Khoa học và Công nghệ',
    platform: 'OneTouch',
  },
  {
    courseId: id('course/an-toan-thong-tin'),
    title: 'An toàn thông tin và phòng chống lừa đảo trực tuyến',
    topic: 'information_security',
    provider: 'Sở Khoa học và Công nghệ tỉnh Đắk Lắk',
  },
];
const [online, security] = courses as [(typeof courses)[0], (typeof courses)[0]];
const communes = ['24175', '24343'];
const sessions = [
  {
    sessionId: id('session/2025-09-19-online'),
    courseId: online.courseId,
    unitCode: '66',
    mode: 'online',
    startsAt: '2025-09-19T08:00:00+07:00',
    endsAt: '2025-09-19T11:30:00+07:00',
    bridgePoints: communes.map((unitCode) => ({ unitCode, hostUnitCode: unitCode })),
  },
  {
    sessionId: id('session/2025-10-10-hoa-phu'),
    courseId: security.courseId,
    unitCode: '24175',
    mode: 'in_person',
    place: 'Hội trường UBND xã Hòa Phú',
    startsAt: '2025-10-10T14:00:00+07:00',
    endsAt: '2025-10-10T16:30:00+07:00',
  },
  {
    sessionId: id('session/2027-03-15-krong-nang'),
    courseId: security.courseId,
    unitCode: '24343',
    mode: 'in_person',
    place: 'Nhà văn hóa xã Krông Năng',
    startsAt: '2027-03-15T08:00:00+07:00',
    endsAt: '2027-03-15T11:00:00+07:00',
  },
];

export async function loadDemoTraining(services: readonly ServiceDefinition[]): Promise<void> {
  const [registry, training] = ['registry', 'training'].map((name) => services.find((s) => s.name === name));
  if (registry && training) await loadTraining(serviceUrl(registry), serviceUrl(training));
}

async function loadTraining(registryUrl: string, trainingUrl: string): Promise<void> {
  // Đắk Lắk's department runs the province's training: its IOC operator signs every demo request.
  const authorization = `Bearer ${await devToken(personas.provinceIoc)}`;
  const post = <T>(url: string, body: unknown, key: string) =>
    fetchJson<T>(`${trainingUrl}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key, authorization },
      body: JSON.stringify(body),
    });
  const get = <T>(url: string) => fetchJson<T>(`${registryUrl}${url}`, { headers: { authorization } });
  await withStep(
    'Training: courses and sessions for the pilot (Phổ cập kỹ năng số cộng đồng on OneTouch)',
    async () => {
      for (const course of courses) await post('/courses', course, `demo/${course.courseId}`);
      // The training service learns the unit tree from the registry's events a moment after it starts.
      for (const session of sessions)
        await untilKnown(() => post('/sessions', session, `demo/${session.sessionId}`));
      for (const session of sessions.slice(0, 2))
        await post(`/sessions/${session.sessionId}/held`, {}, `demo/held/${session.sessionId}`);
      return sessions.length;
    },
    (n) => `${courses.length} courses, ${n} sessions (2 held, 1 planned)`,
  );
  // The pilot's teams: on a later start the province also has the simulator's.
  const teams = (await get<{ items: Team[] }>('/teams?unit=66&pageSize=500&status=active')).items.filter(
    (t) => communes.some((commune) => t.unitCode.startsWith(commune)),
  );
  await withStep(
    `Training: attendance of the pilot's members, by bridge point (${teams.length} teams)`,
    () => recordAttendance(get, teams, post),
    (s) => `${s.accepted} recorded now, ${s.duplicate} by an earlier start, none rejected`,
  );
}

async function recordAttendance(
  get: <T>(url: string) => Promise<T>,
  teams: readonly Team[],
  post: <T>(url: string, body: unknown, key: string) => Promise<T>,
): Promise<Summary> {
  const total: Summary = { accepted: 0, duplicate: 0, rejected: 0 };
  const [onlineSession, hoaPhuSession] = sessions as [(typeof sessions)[0], (typeof sessions)[0]];
  for (const commune of communes) {
    const memberIds = await membersOf(
      get,
      teams.filter((t) => t.unitCode.startsWith(commune)),
    );
    const lists = [{ session: onlineSession.sessionId, body: { bridgePoint: commune, memberIds } }];
    if (commune === '24175')
      lists.push({ session: hoaPhuSession.sessionId, body: { memberIds } } as (typeof lists)[0]);
    for (const list of lists) {
      const { summary } = await untilKnown(() =>
        post<Listed>(
          `/sessions/${list.session}/attendance/lists`,
          list.body,
          `demo/list/${list.session}/${commune}`,
        ),
      );
      total.accepted += summary.accepted;
      total.duplicate += summary.duplicate;
    }
  }
  return total;
}

async function membersOf(get: <T>(url: string) => Promise<T>, teams: readonly Team[]): Promise<string[]> {
  const rosters = await Promise.all(
    teams.map((t) => get<{ roster: { memberId: string }[] }>(`/teams/${t.teamId}`)),
  );
  return rosters.flatMap((r) => r.roster.map((m) => m.memberId));
}

/**
 * Retries while the training service's replica has not yet heard of the units or members the
 * registry just published (30 tries, a second apart). Anything else refused is a defect of the
 * demo data and stops npm start with the service's reason.
 */
async function untilKnown<T>(send: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const answer = await send().catch((error: unknown) => {
      if (attempt >= 30 || !/unknown_unit|no_unit_tree/.test(String(error))) throw error;
      return undefined;
    });
    const rejected = rejectedLines(answer);
    if (answer !== undefined && rejected.length === 0) return answer;
    if (attempt >= 30)
      throw new Error(`The training service refused demo attendance: ${JSON.stringify(rejected[0])}.`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
}

const rejectedLines = (answer: unknown) =>
  (answer as Partial<Listed> | undefined)?.verdicts?.filter((v) => v.verdict === 'rejected') ?? [];
