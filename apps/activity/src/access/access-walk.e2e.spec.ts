// Every operation of every service, read from their OpenAPI documents (a new endpoint cannot be
// forgotten), called with no token, an expired one, one signed by another key, a tampered one, and
// a token of each role in and out of scope: each gets what its role and scope allow, never a 500,
// and no 2xx body names a unit outside the caller's subtree.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { newSigningKey, signToken } from '@nhip/dev-issuer';
import { eventually, personas, tokenFor } from '@nhip/testing';
import { roles, vietnamDay } from '@nhip/contracts';
import fc from 'fast-check';
import { replicaCaughtUp, startPlatform, type Platform } from '../fixtures/platform.ts';
import { operationsOf, type Operation } from './documented-operations.ts';
import { firstFrame, projectionQuery, reportedAt, watch, year } from './projection-calls.ts';
import { fuzzToken, type FuzzClaims } from '../fixtures/fuzz-token.ts';

const fixtures = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'registry',
  'src',
  'fixtures',
);
const csv = (name: string) => fs.readFileSync(path.join(fixtures, name));

// Units outside each scoped persona's subtree (2025 tree, and the 2024 tree for the district).
const outsideOf: Record<string, readonly string[]> = {
  districtOc: ['24343', '24355', '650'],
  // 24172 is the officer's own Xã Hòa Phú before the reform (lineage), not outside.
  communeOfficer: ['24343', '24355', '650', '643'],
};

let platform: Platform;
let operations: Operation[];
const ids = { in: {} as Record<string, string>, out: {} as Record<string, string> };

const report = (at: Record<string, string>) => ({
  activityId: randomUUID(),
  teamId: at['teamId'],
  placeCode: `${at['code']}-001`,
  kind: 'vneid_activation',
  residentsHelped: 3,
  occurredAt: reportedAt,
});

/** A service of the platform; training is started for this walk (startPlatform's option). */
function serviceOf(name: Operation['service']) {
  const service = platform[name];
  if (!service) throw new Error(`the platform runs no ${name} service`);
  return service;
}

/** A course, and a session organised by the commune, held, attended by the member. */
async function seedTraining(commune: string, memberId: string): Promise<Record<string, string>> {
  const training = serviceOf('training');
  const courseId = randomUUID();
  const course = await training.post('/courses', {
    courseId,
    title: 'Phổ cập kỹ năng số cộng đồng',
    topic: 'digital_skills',
    provider: 'Bộ Thông tin và Truyền thông',
  });
  const officer = training.as(await officerOf(commune));
  const sessionId = randomUUID();
  const yesterday = vietnamDay(new Date(Date.now() - 86_400_000));
  const session = {
    sessionId,
    courseId,
    unitCode: commune,
    mode: 'in_person',
    place: 'Nhà văn hóa thôn 1',
    startsAt: `${yesterday}T08:00:00+07:00`,
    endsAt: `${yesterday}T11:00:00+07:00`,
  };
  // The training replica learns the unit and the member a moment after the registry publishes them.
  await eventually(async () => (await officer.post('/sessions', session)).status === 201);
  const held = await officer.post(`/sessions/${sessionId}/held`, {});
  await eventually(
    async () => (await officer.post(`/sessions/${sessionId}/attendance`, { memberId })).status === 201,
  );
  expect([course.status, held.status]).toEqual([201, 200]);
  return { courseId, sessionId };
}

const officerOf = (commune: string) =>
  tokenFor({ sub: `officer-${commune}`, role: 'commune-officer', unit: commune });

/** A village, a team with one member, an activity and a campaign in the commune, each checked. */
async function seed(commune: string): Promise<Record<string, string>> {
  const officer = platform.registry.as(await officerOf(commune));
  const village = await officer.post<{ code: string }>(`/units/${commune}/villages`, {
    name: 'Thôn 1',
    type: 'Thôn',
  });
  expect(village.status).toBe(201);
  const team = await officer.post<{ teamId: string }>('/teams', {
    name: 'Tổ công nghệ số cộng đồng thôn 1',
    teamType: 'community_digital_technology',
    unitCode: village.body.code,
    decision: { number: '1/QĐ-UBND', date: '2025-08-01' },
  });
  const member = await officer.post<{ memberId: string }>('/members', { fullName: 'Nguyễn Văn An' });
  const added = await officer.post(`/teams/${team.body.teamId}/members`, {
    memberId: member.body.memberId,
    role: 'member',
    affiliation: 'youth_union',
  });
  expect([team.status, member.status, added.status]).toEqual([201, 201, 200]);
  await replicaCaughtUp(platform, [team.body.teamId]);
  const activityId = randomUUID();
  const reported = await platform.activity.as(await officerOf(commune)).post('/activities', {
    activityId,
    teamId: team.body.teamId,
    placeCode: village.body.code,
    kind: 'vneid_activation',
    residentsHelped: 12,
    occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
  });
  const campaignId = randomUUID();
  const today = vietnamDay(new Date());
  const campaign = await platform.activity.post('/campaigns', {
    campaignId,
    name: 'Mỗi đêm 1 giờ',
    startsOn: today,
    endsOn: today,
    unitCodes: [commune],
  });
  expect([reported.status, campaign.status, reported.body]).toEqual([201, 201, expect.anything()]);
  return {
    code: commune,
    treeVersion: 'vn-2025',
    teamId: team.body.teamId,
    memberId: member.body.memberId,
    activityId,
    campaignId,
    ...(await seedTraining(commune, member.body.memberId)),
  };
}

// The KPI service's views ask for a period; its former units are 2024 units (Hòa Phú's and Phú
// Lộc's communes before the merger), summed over their successors.
const formerOf = { in: '24172', out: '24355' } as const;
const kpiQuery = (route: string) =>
  route.includes('/indicators') && !route.endsWith('/series') ? `?period=${year}` : '';
const seriesQuery = (route: string) => (route.endsWith('/series') ? `?from=${year}&to=${year}` : '');

const fill = (route: string, side: 'in' | 'out'): string =>
  route
    .replace('/former-units/{treeVersion}/{code}', `/former-units/vn-2024/${formerOf[side]}`)
    .replace('{indicatorId}', 'vneid_vs_target')
    .replace(/\{(\w+)\}/g, (_m, name: string) => ids[side][name] ?? `missing-${name}`) +
  kpiQuery(route) +
  (route.startsWith('/api/') ? projectionQuery(route, ids[side]['code']) : seriesQuery(route)) +
  (route.includes('personal-data') && !route.endsWith('audit') ? '?reason=kiểm%20tra' : '') +
  (route === '/teams' || route === '/sessions' ? `?unit=${ids[side]['code'] ?? ''}` : '') +
  (route.endsWith('/units/search') ? `?q=${encodeURIComponent('Hòa Phú')}` : '');

const call = (op: Operation, token: string | undefined, side: 'in' | 'out') => {
  if (op.path === '/api/stream')
    return firstFrame(`${serviceOf(op.service).base}${fill(op.path, side)}`, token);
  const client = token === undefined ? anonymous(op) : serviceOf(op.service).as(token);
  return op.method === 'get' ? client.get(fill(op.path, side)) : client.post(fill(op.path, side), {});
};

const anonymous = (op: Operation) => ({
  get: (url: string) => fetch(`${serviceOf(op.service).base}${url}`).then(reply),
  post: (url: string, body: unknown) =>
    fetch(`${serviceOf(op.service).base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then(reply),
});

async function reply(response: Response) {
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text };
}

// The unit trees are public reference data (ADR 0022): every signed-in role reads them whole.
// The official unit lists and the names in them (search) are public reference data; so is the
// training course catalogue, offered to every area (its sessions are not). The projection passes
// the registry's unit search and unit lookups on under /registry, for its dashboard.
const isReferenceData = (op: Operation) =>
  op.method === 'get' &&
  (/^\/(units(\/\{code\}|\/search)?|courses(\/\{courseId\})?)$/.test(op.path) ||
    (op.service === 'projection' && /^\/registry\/units\/(\{code\}|search)$/.test(op.path)) ||
    (op.service === 'kpi' && op.path === '/catalog'));

interface Caller {
  readonly name: string;
  readonly role: string;
}

/** What a caller must get from `op` on something inside (`in`) or outside its area. */
function expected(caller: Caller, op: Operation, side: 'in' | 'out'): number | 'refused' | undefined {
  const scoped = outsideOf[caller.name] !== undefined && !isReferenceData(op);
  if (!op.roles.includes(caller.role)) return 403;
  // Outside the caller's area a read is refused; a write never succeeds (its body may fail first).
  if (scoped && side === 'out') return op.method === 'get' ? 403 : 'refused';
  return op.method === 'get' ? 200 : undefined;
}

function judge(caller: Caller, op: Operation, side: 'in' | 'out', answer: { status: number; body: unknown }) {
  const label = `${caller.name} ${op.method} ${op.path} (${side})`;
  expect({ label, ok: answer.status !== 401 && answer.status < 500 }).toEqual({ label, ok: true });
  // A client generated from /docs-json knows every status the walk meets.
  expect({ label, documented: op.documented.includes(String(answer.status)) }).toEqual({
    label,
    documented: true,
  });
  const wanted = expected(caller, op, side);
  if (wanted === 'refused')
    expect({ label, refused: answer.status >= 400 }).toEqual({ label, refused: true });
  else if (wanted !== undefined) expect({ label, status: answer.status }).toEqual({ label, status: wanted });
  const outside = outsideOf[caller.name];
  if (outside && !isReferenceData(op) && answer.status < 300) noUnitOutside(label, outside, answer.body);
}

/** Whether a token with these claims may get a 2xx on Krông Năng's (24343) resources. */
function mayReach(op: Operation, claims: FuzzClaims): boolean {
  const valid = !claims.forge && claims.expiresIn > 0 && claims.audience === 'nhip';
  // Only its own unit, its province or admin reach it; the unit trees every role reads.
  const covers =
    claims.role === 'admin' || ['66', '24343'].includes(claims.unit ?? '') || isReferenceData(op);
  return valid && op.roles.includes(claims.role) && covers;
}

/**
 * No string in the body is an outside unit's code or a code derived from it (a village, 24343-001).
 * A prefix alone is not enough: a random id such as "650e1c2a-…" would read as district 650 (seen
 * once in CI on a campaign's id).
 */
function noUnitOutside(label: string, outside: readonly string[], body: unknown) {
  const text = JSON.stringify(body);
  for (const code of outside)
    expect({ label, leaks: new RegExp(`"${code}["-]`).test(text) }).toEqual({ label, leaks: false });
}

beforeAll(async () => {
  platform = await startPlatform('access', {}, { training: true, kpi: true, projection: true });
  const { registry } = platform;
  await registry.post('/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01', csv('dak-lak-pilot.csv'), {
    'content-type': 'text/csv',
  });
  await registry.post('/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01', csv('dak-lak-pilot-2025.csv'), {
    'content-type': 'text/csv',
  });
  await registry.post('/unit-trees/vn-2025/lineage?from=vn-2024', csv('dak-lak-pilot-mapping.csv'), {
    'content-type': 'text/csv',
  });
  Object.assign(ids.in, await seed('24175'));
  // A district OC's 2024 scope reaches 2025 units through the replica's lineage.
  await eventually(async () => {
    const rows = await platform.activity.sql<{ n: number }>(
      'SELECT count(*)::int AS n FROM replica_unit_lineage',
    );
    return rows[0]?.n === 3;
  });
  Object.assign(ids.out, await seed('24343'));
  const services = ['registry', 'activity', 'training', 'kpi', 'projection'] as const;
  // The KPI service learns the units (and the lineage) from the registry's events too.
  await eventually(
    async () => (await serviceOf('kpi').get(`/units/24175/indicators?period=${year}`)).status === 200,
    {
      timeoutMs: 30_000,
    },
  );
  // So does the projection, and the values from the KPI service's events.
  await eventually(
    async () => (await serviceOf('projection').get(`/api/units/24175/summary?period=${year}`)).status === 200,
    { timeoutMs: 30_000 },
  );
  operations = (await Promise.all(services.map((name) => operationsOf(name, serviceOf(name)))))
    .flat()
    .filter((op) => !op.roles.includes('public'));
  // Five services started one after another, three imports and two seeds waited through: a busy
  // machine's start-up alone can take the tiers' default 90 s.
}, 240_000);
afterAll(() => platform.stop());

describe('every operation of every service', () => {
  it('declares its roles in the OpenAPI document, and what it answers on success', () => {
    expect(operations.length).toBeGreaterThan(30);
    expect([...new Set(operations.map((op) => op.service))]).toEqual([
      'registry',
      'activity',
      'training',
      'kpi',
      'projection',
    ]);
    for (const op of operations)
      expect({
        op: `${op.method} ${op.path}`,
        roles: op.roles.length > 0,
        body: op.describesSuccess,
      }).toEqual({
        op: `${op.method} ${op.path}`,
        roles: true,
        body: true,
      });
  });

  it('answers 401 with WWW-Authenticate to no token, an expired, a foreign and a tampered one', async () => {
    const expired = await tokenFor({ ...personas.admin, expiresIn: -120 });
    const foreign = await signToken(
      await newSigningKey(),
      process.env['AUTH_ISSUER_URL'] ?? '',
      personas.admin,
    );
    const valid = await tokenFor(personas.communeOfficer);
    const [header, payload, signature] = valid.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url')}.${signature}`;
    for (const op of operations) {
      for (const token of [undefined, expired, foreign, tampered, 'not-a-jwt']) {
        const answer = await call(op, token, 'in');
        expect({ op: `${op.method} ${op.path}`, status: answer.status }).toEqual({
          op: `${op.method} ${op.path}`,
          status: 401,
        });
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="nhip"/);
      }
    }
  });

  it('gives each role what its role and scope allow, never a 500, no unit outside its subtree', async () => {
    for (const [name, persona] of Object.entries(personas)) {
      const token = await tokenFor(persona);
      for (const op of operations) {
        for (const side of ['in', 'out'] as const)
          judge({ name, role: persona.role }, op, side, await call(op, token, side));
      }
    }
  });

  it('gives an IOC of another province the unit trees and nothing of Đắk Lắk', async () => {
    const token = await tokenFor({ sub: 'ioc-phu-yen', role: 'ioc-operator', unit: '54' });
    for (const op of operations.filter((o) => o.method === 'get' && o.roles.includes('ioc-operator'))) {
      const answer = await call(op, token, 'in');
      const label = `${op.method} ${op.path}`;
      expect({ label, status: answer.status }).toEqual({ label, status: isReferenceData(op) ? 200 : 403 });
    }
  });

  it("refuses a commune officer's writes outside its commune, and records its own under its subject", async () => {
    const officer = {
      registry: platform.registry.as(await officerOf('24175')),
      activity: platform.activity.as(await officerOf('24175')),
    };
    const out = ids.out;
    const refused = [
      await officer.registry.post('/units/24343/villages', { name: 'Thôn 9', type: 'Thôn' }),
      await officer.registry.post('/teams', {
        name: 'Tổ ngoài xã',
        teamType: 'community_digital_technology',
        unitCode: '24343-001',
        decision: { number: '9/QĐ-UBND', date: '2025-08-01' },
      }),
      await officer.registry.post(`/teams/${out['teamId']}/suspension`, { reason: 'thử' }),
      await officer.registry.post(`/members/${out['memberId']}/erasure`, { reason: 'thử' }),
      await officer.activity.post(`/activities/${out['activityId']}/void`, { reason: 'thử' }),
      await officer.activity.post('/activities', { ...report(out), activityId: randomUUID() }),
      await officer.activity.post(
        '/activities/bulk',
        [report(ids.in), report(out)].map((r) => JSON.stringify(r)).join('\n'),
        { 'content-type': 'application/x-ndjson' },
      ),
    ];
    expect(refused.map((r) => r.status)).toEqual([403, 403, 403, 403, 403, 403, 403]);
    const kept = await platform.registry.get<{ fullName: string }>(
      `/members/${out['memberId']}/personal-data?reason=audit`,
    );
    expect(kept.body.fullName).toBe('Nguyễn Văn An');
    const voided = await officer.activity.post(`/activities/${ids.in['activityId']}/void`, {
      reason: 'Báo cáo trùng',
    });
    expect(voided.status).toBe(200);
    const history = await officer.activity.get<{ type: string; actor: string }[]>(
      `/activities/${ids.in['activityId']}`,
    );
    expect(history.body.map((e) => [e.type, e.actor])).toEqual([
      ['ActivityLogged', 'officer-24175'],
      ['ActivityVoided', 'officer-24175'],
    ]);
  });

  it("takes a district OC's entry of a commune's old report in what its 2024 district became", async () => {
    const district = platform.activity.as(await tokenFor(personas.districtOc));
    const occurredAt = new Date(Date.now() - 90 * 86_400_000).toISOString(); // past a commune's 60 days
    const old = { ...report(ids.in), occurredAt };
    const entered = await district.post('/activities', old);
    const outside = await district.post('/activities', { ...report(ids.out), occurredAt });
    expect([entered.status, outside.status]).toEqual([201, 403]);
    const history = await district.get<{ type: string; actor: string }[]>(`/activities/${old.activityId}`);
    expect(history.body.map((e) => [e.type, e.actor])).toEqual([['ActivityLogged', personas.districtOc.sub]]);
  });

  it("streams each scoped caller its own area only, while the province's stream carries the rest", async () => {
    const url = (unit: string) =>
      `${serviceOf('projection').base}/api/stream${projectionQuery('/api/stream', unit)}`;
    const province = await watch(url('66'), await tokenFor(personas.provinceIoc));
    const district = await watch(url('643'), await tokenFor(personas.districtOc));
    const commune = await watch(url('24175'), await tokenFor(personas.communeOfficer));
    try {
      expect([province.status, district.status, commune.status]).toEqual([200, 200, 200]);
      for (const at of [ids.out, ids.in]) {
        const reported = await platform.activity.post('/activities', report(at));
        expect(reported.status).toBe(201);
      }
      // Both places changed: the province's stream shows both, each scoped stream only its own.
      await eventually(
        () => /"unitCode":"24343"/.test(province.text()) && /"unitCode":"24175"/.test(province.text()),
        {
          timeoutMs: 30_000,
        },
      );
      for (const scoped of [district, commune])
        await eventually(() => /event: change[^]*"unitCode":"24175"/.test(scoped.text()), {
          timeoutMs: 30_000,
        });
      noUnitOutside('district OC stream', outsideOf['districtOc'] ?? [], district.text());
      noUnitOutside('commune officer stream', outsideOf['communeOfficer'] ?? [], commune.text());
    } finally {
      for (const stream of [province, district, commune]) stream.close();
    }
  });

  it('never gives a 2xx or a 500 to random tokens and claims', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...operations),
        fc.record({
          role: fc.oneof(fc.constantFrom(...roles, 'root', ''), fc.string()),
          unit: fc.oneof(
            fc.constant(undefined),
            fc.constantFrom('66', '643', '24175', '24343', 'x'),
            fc.string(),
          ),
          expiresIn: fc.integer({ min: -3600, max: 3600 }),
          audience: fc.constantFrom('nhip', 'other'),
          forge: fc.boolean(),
        }),
        async (op, claims) => {
          const answer = await call(op, await fuzzToken(claims), 'out');
          expect(answer.status).toBeLessThan(500);
          if (!mayReach(op, claims))
            expect({ op: op.path, claims, status: answer.status >= 400 }).toMatchObject({ status: true });
        },
      ),
      { numRuns: 150 },
    );
  });
});
