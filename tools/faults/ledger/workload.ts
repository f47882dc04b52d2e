// What the clients send: single activity reports (client-chosen ids) from teams seeded at the start,
// and, from a few clients, new teams in the registry, so the activity service's replica consumer
// has work under the fault too.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { activityKinds, type ActivityKind } from '@nhip/contracts';
import { devToken, personas, type TokenRequest } from '@nhip/dev-issuer';
import pg from 'pg';
import { repoRoot } from '../../infra/config.ts';
import type { Command } from './load.ts';
import type { FaultPlatform } from './platform.ts';
import { databaseUrl } from './service-targets.ts';

const commune = '24175'; // Xã Hòa Phú in the 2025 pilot tree
const kinds = Object.keys(activityKinds) as ActivityKind[];
const treeCsv = path.join(repoRoot, 'apps', 'registry', 'src', 'fixtures', 'dak-lak-pilot-2025.csv');

/** The Authorization header of a development persona: who a real user sending this would be. */
export async function signedInAs(persona: TokenRequest): Promise<string> {
  return `Bearer ${await devToken(persona)}`;
}

async function post(url: string, body: string | Buffer, as: TokenRequest, contentType = 'application/json') {
  const reply = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, authorization: await signedInAs(as) },
    body,
  });
  if (reply.status >= 300)
    throw new Error(`Seeding: POST ${url} answered ${reply.status}: ${await reply.text()}`);
}

const team = (teamId: string, n: number) => ({
  teamId,
  name: `Tổ công nghệ số cộng đồng ${n}`,
  teamType: 'community_digital_technology',
  unitCode: commune,
  decision: { number: `${n}/QĐ-UBND`, date: '2025-08-15' },
});

/** The unit tree and a few teams, and waits until the activity replica knows the teams. */
export async function seed(platform: Pick<FaultPlatform, 'url' | 'databases'>, teams = 4): Promise<string[]> {
  const registry = platform.url('registry');
  await post(
    `${registry}/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01`,
    fs.readFileSync(treeCsv),
    personas.admin,
    'text/csv',
  );
  const ids = Array.from({ length: teams }, () => randomUUID());
  for (const [n, id] of ids.entries())
    await post(`${registry}/teams`, JSON.stringify(team(id, n + 1)), personas.communeOfficer);
  const client = new pg.Client({
    connectionString: databaseUrl(platform.databases.adminUrl, platform.databases.activity),
  });
  await client.connect();
  try {
    for (const deadline = Date.now() + 60_000; ;) {
      const { rows } = await client.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM replica_teams WHERE team_id = ANY($1)',
        [ids],
      );
      if (rows[0]?.n === ids.length) return ids;
      if (Date.now() > deadline)
        throw new Error('Seeding: the activity replica did not learn the teams within 60 s.');
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    await client.end();
  }
}

export interface Workload {
  /** Clients posting single activity reports. */
  readonly reporters: number;
  /** Clients registering teams in the registry. */
  readonly registrars: number;
}

/**
 * Client `c`'s `n`th command: reporters first, then registrars, all sent by Xã Hòa Phú's commune
 * officer (`authorization`, from signedInAs), who reports its teams' work and registers its teams.
 */
export function commands(
  platform: Pick<FaultPlatform, 'url'>,
  teams: readonly string[],
  workload: Workload & { readonly authorization: string },
) {
  const { authorization } = workload;
  const activity = `${platform.url('activity')}/activities`;
  const registry = `${platform.url('registry')}/teams`;
  return (c: number, n: number): Command => {
    if (c >= workload.reporters) {
      const id = randomUUID();
      return { target: 'registry', id, url: registry, body: team(id, 1000 + n), authorization };
    }
    const id = randomUUID();
    const report = {
      activityId: id,
      teamId: teams[(c + n) % teams.length],
      placeCode: commune,
      kind: kinds[n % kinds.length],
      residentsHelped: 1 + ((c * 7 + n) % 30),
      occurredAt: new Date(Date.now() - 3_600_000).toISOString(),
    };
    return { target: 'activity', id, url: activity, body: report, authorization };
  };
}
