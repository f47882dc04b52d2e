// Demo data for npm start: the national unit trees when ../shared/data/vn-admin is beside the
// clone (the shipped Đắk Lắk fixture otherwise), and the Đắk Lắk pilot of the domain brief on the
// tree in force today. Every request carries an Idempotency-Key derived from what it loads, so a
// second npm start (or one interrupted half-way) loads what is missing and duplicates nothing.
import fs from 'node:fs';
import path from 'node:path';
import { devToken, personas } from '@nhip/dev-issuer';
import { affiliationOf, memberName, teamSizes } from '@nhip/testing';
import { repoRoot } from '../infra/config.ts';
import { withStep } from '../infra/progress.ts';
import { fetchJson } from './demo-http.ts';

const nationalDir = path.join(repoRoot, '..', 'shared', 'data', 'vn-admin');
const fixtureDir = path.join(repoRoot, 'apps', 'registry', 'src', 'fixtures');

// Since 1 July 2025 the pilot's Xã Hòa Phú is 24175 and Xã Phú Lộc is part of Xã Krông Năng 24343.
export const pilot = [
  { code: '24175', name: 'Xã Hòa Phú', villages: 15, members: 77 },
  { code: '24343', name: 'Xã Krông Năng', villages: 15, members: 94 },
];

/** Posts as `token`: the admin loads the unit trees, each commune's officer registers its pilot. */
function client(base: string, token: string) {
  return <T>(url: string, body: unknown, key: string, contentType = 'application/json'): Promise<T> =>
    fetchJson<T>(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': contentType, 'idempotency-key': key, authorization: `Bearer ${token}` },
      body: contentType === 'application/json' ? JSON.stringify(body) : (body as Buffer),
    });
}

export async function loadDemoData(registryUrl: string): Promise<{ source: string }> {
  const post = client(registryUrl, await devToken(personas.admin));
  const national = fs.existsSync(path.join(nationalDir, 'units-2024.csv'));
  const file = (nationalName: string, fixtureName: string) =>
    fs.readFileSync(national ? path.join(nationalDir, nationalName) : path.join(fixtureDir, fixtureName));
  const csv = (url: string, body: Buffer, key: string) =>
    post<{ unitsInList?: number; links?: number }>(url, body, key, 'text/csv');
  await withStep(
    'Importing the unit tree in force until 30 June 2025 (vn-2024)',
    () =>
      csv(
        '/unit-trees/vn-2024/imports?effectiveFrom=2008-08-01',
        file('units-2024.csv', 'dak-lak-pilot.csv'),
        'demo/vn-2024',
      ),
    (r) => `${String(r.unitsInList)} units`,
  );
  await withStep(
    'Importing the 2-level tree in force since 1 July 2025 (vn-2025)',
    () =>
      csv(
        '/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01',
        file('units-2025.csv', 'dak-lak-pilot-2025.csv'),
        'demo/vn-2025',
      ),
    (r) => `${String(r.unitsInList)} units`,
  );
  await withStep(
    'Recording where each 2024 unit went (mapping 2024 → 2025)',
    () =>
      csv(
        '/unit-trees/vn-2025/lineage?from=vn-2024',
        file('mapping-2024-to-2025.csv', 'dak-lak-pilot-mapping.csv'),
        'demo/lineage',
      ),
    (r) => `${String(r.links)} links`,
  );
  for (const commune of pilot) {
    await withStep(
      `Registering the pilot in ${commune.name} (${commune.code}): villages, teams, members`,
      async () => loadCommune(client(registryUrl, await devToken(officerOf(commune.code))), commune),
      (n) => `${commune.villages} villages, ${commune.villages} teams, ${n} members`,
    );
  }
  return { source: national ? nationalDir : fixtureDir };
}

const officerOf = (code: string) => ({
  sub: `officer-${code}`,
  role: 'commune-officer' as const,
  unit: code,
});

async function loadCommune(
  post: ReturnType<typeof client>,
  commune: (typeof pilot)[number],
): Promise<number> {
  let person = commune.code === '24175' ? 0 : 1000;
  let members = 0;
  for (const [v, size] of teamSizes(commune).entries()) {
    const key = `demo/${commune.code}/${v + 1}`;
    const village = await post<{ code: string }>(
      `/units/${commune.code}/villages`,
      { name: `Thôn ${v + 1}`, type: 'Thôn' },
      `${key}/village`,
    );
    const team = await post<{ teamId: string }>(
      '/teams',
      {
        name: `Tổ công nghệ số cộng đồng thôn ${v + 1}`,
        teamType: 'community_digital_technology',
        unitCode: village.code,
        decision: { number: `${100 + v}/QĐ-UBND`, date: '2025-08-15' },
      },
      `${key}/team`,
    );
    const ids: string[] = [];
    for (let seat = 0; seat < size; seat++) {
      const { memberId } = await post<{ memberId: string }>(
        '/members',
        {
          fullName: memberName(person),
          phone: `09${String(person).padStart(8, '0')}`,
          birthYear: 1960 + (person % 40),
        },
        `${key}/member/${seat}`,
      );
      person++;
      await post(
        `/teams/${team.teamId}/members`,
        { memberId, role: seat === 1 ? 'deputy_leader' : 'member', affiliation: affiliationOf(seat) },
        `${key}/add/${seat}`,
      );
      ids.push(memberId);
    }
    await post(`/teams/${team.teamId}/leader`, { memberId: ids[0] }, `${key}/leader`);
    members += size;
  }
  return members;
}
