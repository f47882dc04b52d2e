// The stream when what it stands on fails, on the real broker and databases: PostgreSQL drops the
// hub's LISTEN session (and refuses new sessions for a while) under an open stream; the KPI service
// is away when a stream's snapshot is made.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually, postgresAdminUrl, tokenFor } from '@nhip/testing';
import pg from 'pg';
import {
  importTree,
  startPlatform,
  villageWithTeam,
  vneidReport,
  type Platform,
} from './fixtures/platform.ts';
import { dataOf, openStream, type SseStream } from './fixtures/sse-client.ts';

const helped = 'residents_helped.vneid_activation';
type Summary = { indicators: { id: string; value: number | null }[] };
type Change = { unitCode: string; indicatorId: string; value: number | null };

let platform: Platform;
let place = { village: '', teamId: '' };
const admin = new pg.Client({ connectionString: postgresAdminUrl() });
const open: SseStream[] = [];

const districtToken = () => tokenFor({ sub: 'oc-643', role: 'district-oc', unit: '643' });

async function districtStream(): Promise<SseStream> {
  const stream = await openStream(`${platform.projection.base}/api/stream?scope=643&period=2024`, {
    authorization: `Bearer ${await districtToken()}`,
  });
  open.push(stream);
  expect(stream.status).toBe(200);
  await stream.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
  return stream;
}

const post = (residentsHelped: number) => vneidReport(platform.activity, place, residentsHelped);

/** The hub's LISTEN sessions on the projection's database, by process id. */
const listeners = async () =>
  (
    await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE datname = $1 AND application_name = 'nhip-projection-hub'`,
      [platform.projection.database],
    )
  ).rows.map((r) => r.pid);

beforeAll(async () => {
  await admin.connect();
  platform = await startPlatform('resilience');
  await importTree(platform.registry);
  place = await villageWithTeam(platform.registry, '24172', 'Thôn 1');
  await eventually(async () => (await platform.projection.get('/api/units/24172/summary')).status === 200, {
    timeoutMs: 60_000,
  });
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await admin
    .query(`ALTER DATABASE ${platform.projection.database} ALLOW_CONNECTIONS true`)
    .catch(() => undefined);
  await admin.end();
  await platform.stop();
});

describe('projection stream, when what it stands on fails', () => {
  it("listens again with backoff after PostgreSQL drops the hub's session, and the open stream misses nothing", async () => {
    await post(2);
    const district = platform.projection.as(await districtToken());
    const helpedIn643 = async () =>
      (await district.get<Summary>('/api/units/643/summary?period=2024')).body.indicators.find(
        (i) => i.id === helped,
      )?.value;
    await eventually(async () => (await helpedIn643()) === 2, { timeoutMs: 30_000 });
    const stream = await districtStream();
    const [dropped] = await listeners();
    expect(dropped).toBeDefined();
    // New sessions are refused for a while: a single quick retry fails there, backoff outlasts it.
    await admin.query(`ALTER DATABASE ${platform.projection.database} ALLOW_CONNECTIONS false`);
    await admin.query('SELECT pg_terminate_backend($1)', [dropped]);
    await new Promise((resolve) => setTimeout(resolve, 2500));
    await admin.query(`ALTER DATABASE ${platform.projection.database} ALLOW_CONNECTIONS true`);
    await eventually(async () => (await listeners()).some((pid) => pid !== dropped), { timeoutMs: 20_000 });
    await post(3);
    await stream.waitFor((frames) =>
      dataOf<Change>(frames, 'change').some(
        (c) => c.unitCode === '643' && c.indicatorId === helped && c.value === 5,
      ),
    );
    expect(stream.frames.some((f) => f.event === 'end')).toBe(false);
    expect(platform.projection.output()).toMatch(/connection lost, opening it again/);
  });

  it('ends a stream with the real reason, logged, when its snapshot cannot be made', async () => {
    const district = platform.projection.as(await districtToken());
    // The catalog is asked for (and kept) while the KPI service answers; then it goes away.
    expect((await district.get('/api/units/643/summary?period=2024-06')).status).toBe(200);
    await platform.kpi.stop();
    // Another period: nothing of its summary is among the KPI answers the projection keeps a moment.
    const stream = await openStream(`${platform.projection.base}/api/stream?scope=643&period=2023`, {
      authorization: `Bearer ${await districtToken()}`,
    });
    open.push(stream);
    expect(stream.status).toBe(200);
    await stream.waitFor((frames) => frames.some((f) => f.event === 'end'));
    expect(dataOf<{ reason: string; detail: string }>(stream.frames, 'end')[0]).toEqual({
      reason: 'kpi-unavailable',
      detail: expect.stringMatching(/The KPI service could not be asked/),
    });
    // Logged before the end frame is written, but logs go out asynchronously (ADR 0040): the line
    // may reach the output a moment after the client has the frame.
    await eventually(() => /open the stream of 643/.test(platform.projection.output()) || undefined);
  });
});
