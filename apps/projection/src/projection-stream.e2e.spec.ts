// The end to end, on the real broker and databases: an activity posted to the activity
// service reaches the open streams of its province and its district, not another district's; a
// stream that reconnects with Last-Event-ID gets exactly what it missed; a token that expires while
// connected ends its stream with the reason; a restart resumes from the stored offsets.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IndicatorChangedData } from '@nhip/contracts';
import { eventually, tokenFor } from '@nhip/testing';
import { importTree, report, startPlatform, villageWithTeam, type Platform } from './fixtures/platform.ts';
import { dataOf, openStream, type SseFrame, type SseStream } from './fixtures/sse-client.ts';

type Change = IndicatorChangedData & { unitName: string };
const helped = 'residents_helped.vneid_activation';

let platform: Platform;
const places = { east: { village: '', teamId: '' }, west: { village: '', teamId: '' } };
const open: SseStream[] = [];

const tokenOf = (unit: string, role: 'ioc-operator' | 'district-oc' = 'district-oc', expiresIn?: number) =>
  tokenFor({ sub: `oc-${unit}`, role, unit, ...(expiresIn === undefined ? {} : { expiresIn }) });

async function streamOf(scope: string, token: string, headers: Record<string, string> = {}) {
  const stream = await openStream(`${platform.projection.base}/api/stream?scope=${scope}&period=2024`, {
    authorization: `Bearer ${token}`,
    ...headers,
  });
  open.push(stream);
  return stream;
}

const changes = (frames: readonly SseFrame[]) => dataOf<Change>(frames, 'change');
const reaches = (unit: string, value: number) => (frames: readonly SseFrame[]) =>
  changes(frames).some((c) => c.unitCode === unit && c.indicatorId === helped && c.value === value);
const changeIds = (frames: readonly SseFrame[]) =>
  frames.filter((f) => f.event === 'change').map((f) => Number(f.id));

const post = (teamId: string, village: string, residentsHelped: number) =>
  report(platform.activity, {
    activityId: randomUUID(),
    teamId,
    placeCode: village,
    kind: 'vneid_activation',
    residentsHelped,
    occurredAt: '2024-05-10T09:00:00+07:00',
  });

// A built dashboard stands in for apps/ioc-web/dist: an index and one asset.
const web = fs.mkdtempSync(path.join(os.tmpdir(), 'nhip-web-'));
fs.writeFileSync(path.join(web, 'index.html'), '<!doctype html><title>Nhịp</title>');
fs.mkdirSync(path.join(web, 'assets'));
fs.writeFileSync(path.join(web, 'assets', 'app-3f9a1c2b.js'), 'export {};');

beforeAll(async () => {
  platform = await startPlatform('stream', { PROJECTION_HEARTBEAT_SECONDS: '1', PROJECTION_WEB_DIR: web });
  await importTree(platform.registry);
  places.east = await villageWithTeam(platform.registry, '24172', 'Thôn 1');
  places.west = await villageWithTeam(platform.registry, '24355', 'Thôn 2');
  // The projection knows the units once the registry's events reached it.
  await eventually(async () => (await platform.projection.get('/api/units/24172/summary')).status === 200, {
    timeoutMs: 60_000,
  });
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await platform.stop();
});

/** The projection's summary, as far as these cases read it. */
type Summary = {
  ancestors: { code: string; name: string }[];
  successorsIn: string | null;
  indicators: { id: string; value: number | null; trend: { period: string; value: number | null }[] }[];
  children: { code: string; indicators: { id: string; value: number | null }[] }[];
  coverage: { villages: number; villagesWithTeam: number } | null;
};

describe('projection stream, end to end', () => {
  let province: SseStream;
  let east: SseStream;
  let west: SseStream;

  it("carries an activity to its province's and its district's streams, not another district's", async () => {
    province = await streamOf('66', await tokenOf('66', 'ioc-operator'));
    east = await streamOf('643', await tokenOf('643'));
    west = await streamOf('650', await tokenOf('650'));
    for (const stream of [province, east, west]) {
      expect(stream.status).toBe(200);
      await stream.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
      expect(stream.frames[0]?.event).toBe('snapshot');
    }
    const snapshot = dataOf<{ unit: { code: string }; children: { code: string }[] }>(
      east.frames,
      'snapshot',
    )[0];
    expect(snapshot?.unit.code).toBe('643');
    expect(snapshot?.children.map((c) => c.code)).toEqual(['24172']);

    await post(places.east.teamId, places.east.village, 5);
    await province.waitFor(reaches('66', 5));
    await east.waitFor(reaches('643', 5));
    expect(changes(east.frames).find((c) => c.unitCode === '643')?.unitName).toBe('Thành phố Buôn Ma Thuột');
    await post(places.west.teamId, places.west.village, 7);
    await west.waitFor(reaches('650', 7));
    await province.waitFor(reaches('66', 12));

    const eastUnits = new Set(['643', '24172', places.east.village]);
    const westUnits = new Set(['650', '24355', places.west.village]);
    expect(new Set(changes(east.frames).map((c) => c.unitCode))).toEqual(eastUnits);
    expect(new Set(changes(west.frames).map((c) => c.unitCode))).toEqual(westUnits);
    expect(new Set(changes(province.frames).map((c) => c.unitCode))).toEqual(
      new Set(['66', ...eastUnits, ...westUnits]),
    );
    expect(changes(province.frames).every((c) => c.period === '2024')).toBe(true);
    // Heartbeats keep idle proxies from closing the stream.
    await east.waitFor(() => east.comments.includes('hb'), 5000);
  });

  it('measures how fresh each change is when handed to the streams, from its KPI event leaving Kafka', async () => {
    const text = await (await fetch(`${platform.projection.base}/metrics`)).text();
    const stream = (what: string) =>
      Number(
        new RegExp(`^nhip_event_freshness_seconds_${what}\\{stage="stream"\\} (\\S+)$`, 'm').exec(text)?.[1],
      );
    expect(stream('count')).toBeGreaterThanOrEqual(changes(province.frames).length);
    // Seconds, not milliseconds: these changes took moments to arrive, not minutes.
    expect(stream('sum')).toBeGreaterThan(0);
    expect(stream('sum') / stream('count')).toBeLessThan(60);
  });

  it("answers a district's summary with trends and coverage, and its series and explanations through the KPI service", async () => {
    const district = platform.projection.as(await tokenOf('643'));
    const summary = await district.get<Summary>('/api/units/643/summary?period=2024');
    expect(summary.status).toBe(200);
    // Coverage is the period's as recorded (the indicator counting villages): the fixture registered
    // its village and team today, not in 2024.
    expect(summary.body.coverage).toEqual({ villages: 0, villagesWithTeam: 0 });
    expect(summary.body.children.map((c) => c.code)).toEqual(['24172']);
    const own = summary.body.indicators.find((i) => i.id === helped);
    expect(own?.value).toBe(5);
    expect(own?.trend).toEqual(
      ['2019', '2020', '2021', '2022', '2023', '2024'].map((period) => ({
        period,
        // Years with nothing counted read as the KPI service shows them (0 helped), not as no data.
        value: period === '2024' ? 5 : 0,
      })),
    );
    const series = await district.get<{ points: { period: string; value: number | null }[] }>(
      `/api/units/24172/series?indicator=${helped}&grain=month&from=2024-04&to=2024-06`,
    );
    expect(series.body.points.map((p) => p.period)).toEqual(['2024-04', '2024-05', '2024-06']);
    expect(series.body.points[1]?.value).toBe(5);
    // Explained through the KPI service, its source events paged here as there.
    type Page = { value: number; sourceEvents: { items: { sourceEventId: string }[]; next: string } };
    const page = (query: string) =>
      district.get<Page>(`/api/units/643/indicators/${helped}/explain?period=2024&${query}`);
    const [first, bad] = [await page('limit=1'), await page('limit=0')];
    const { items, next } = first.body.sourceEvents;
    expect([first.status, first.body.value, items.length, bad.status]).toEqual([200, 5, 1, 400]);
    const ids = async (query: string) =>
      (await page(query)).body.sourceEvents.items.map((i) => i.sourceEventId);
    // The first page and the rest after it: every event of the whole list, each once.
    expect([items[0]?.sourceEventId, ...(await ids(`after=${next}`))]).toEqual(await ids('limit=1000'));
    // Newest first is passed on too: the same events, the other way round.
    expect(await ids('limit=1000&order=newest')).toEqual((await ids('limit=1000')).reverse());
    const outside = await district.get('/api/units/650/indicators/vneid_vs_target/explain?period=2024');
    const badPeriod = await district.get('/api/units/643/summary?period=2024-13');
    const unknown = await district.get('/api/units/643/indicators/no_such_indicator/explain?period=2024');
    expect([outside.status, badPeriod.status, unknown.status]).toEqual([403, 400, 404]);
  });

  it("shows every indicator of the catalog as the KPI service's own view does, published or not", async () => {
    const token = await tokenOf('643');
    const [projection, kpi] = [platform.projection.as(token), platform.kpi.as(token)];
    type Shown = {
      id: string;
      value: number | null;
      rank: number | null;
      trend?: { value: number | null }[];
    };
    type View = { indicators: Shown[]; children: { code: string; name: string; indicators: Shown[] }[] };
    const without =
      (key: string) =>
      <T extends object>(shown: T): Partial<T> =>
        Object.fromEntries(Object.entries(shown).filter(([k]) => k !== key)) as Partial<T>;
    const withoutTrend = without('trend');
    // The KPI service's view ranks the children among themselves and the unit itself not at all; the
    // summary's own indicators keep the rank among siblings the KPI service published with them.
    const withoutRank = without('rank');
    const comparable = (view: View) => ({
      indicators: view.indicators.map(withoutTrend).map(withoutRank),
      children: view.children.map((c) => ({ ...c, indicators: c.indicators.map(withoutTrend) })),
    });
    const both = async (code: string, period: string) => {
      const [summary, view] = await Promise.all([
        projection.get<View>(`/api/units/${code}/summary?period=${period}`),
        kpi.get<View>(`/units/${code}/indicators?period=${period}`),
      ]);
      expect([summary.status, view.status]).toEqual([200, 200]);
      return [comparable(summary.body), comparable(view.body), summary.body] as const;
    };
    const cases = [
      ['643', '2024'],
      ['643', '2024-05'],
      ['24172', '2024-Q2'],
      [places.east.village, '2024-05-10'],
      // Never published: the KPI service's figures, summed by it (ADR 0057).
      ['643', '2024-to-Q2'],
    ];
    for (const [code = '', period = ''] of cases) {
      // Values still on their way from the KPI service are awaited (as long as the other waits on
      // this path), then compared in full: a disagreement left at the end shows as the diff.
      const agree = async () => {
        const [summary, view] = await both(code, period);
        return isDeepStrictEqual(summary, view);
      };
      await eventually(agree, { timeoutMs: 30_000 }).catch(() => undefined);
      const [summary, view] = await both(code, period);
      expect(summary).toEqual(view);
      expect(summary.indicators.length).toBeGreaterThan(10);
    }
    // A trend is the KPI service's value of each period: months with nothing counted read 0.
    const [, , may] = await both('643', '2024-05');
    const months = ['2023-12', '2024-01', '2024-02', '2024-03', '2024-04', '2024-05'];
    const views = await Promise.all(months.map(async (m) => (await both('643', m))[1]));
    may.indicators.forEach((shown, i) =>
      expect(shown.trend).toEqual(
        months.map((period, m) => ({ period, value: views[m]?.indicators[i]?.value })),
      ),
    );
    expect(may.indicators.find((i) => i.id === helped)?.trend?.map((p) => p.value)).toEqual([
      0, 0, 0, 0, 0, 5,
    ]);
  });

  it('replays exactly what a reconnecting stream missed, by Last-Event-ID', async () => {
    const seen = east.lastEventId() ?? '';
    // The snapshot's id: what the stream reflects when it opened; changes after it are its to carry.
    const from = Number(east.frames[0]?.id);
    east.close();
    for (const n of [1, 2, 3]) await post(places.east.teamId, places.east.village, n);
    await province.waitFor(reaches('643', 11));
    const again = await streamOf('643', await tokenOf('643'), { 'last-event-id': seen });
    await again.waitFor(reaches('643', 11));
    expect(again.frames[0]?.event).toBe('change');
    expect(again.frames.some((f) => f.event === 'snapshot' || f.event === 'reset')).toBe(false);

    const received = [...changeIds(east.frames), ...changeIds(again.frames)];
    expect(new Set(received).size).toBe(received.length);
    expect(received).toEqual([...received].sort((a, b) => a - b));
    const subtree = new Set(['643', '24172', places.east.village]);
    const expected = province.frames
      .filter((f) => f.event === 'change' && Number(f.id) > from)
      .filter((f) => subtree.has((JSON.parse(f.data) as Change).unitCode))
      .map((f) => Number(f.id));
    expect(received).toEqual(expected);
  });

  it('sends a reset and a fresh snapshot for an unknown id or one beyond retention', async () => {
    const unknown = await streamOf('643', await tokenOf('643'), { 'last-event-id': '987654321' });
    await unknown.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
    expect(unknown.frames.slice(0, 2).map((f) => [f.event, f.data])).toEqual([
      ['reset', JSON.stringify({ reason: 'unknown-event-id' })],
      ['snapshot', expect.any(String)],
    ]);
    // What the retention window's pruning leaves behind: the log no longer holds change 1 onwards.
    await platform.projection.sql(
      `INSERT INTO projection_change_horizon (id, pruned_through) VALUES (1, 2)
       ON CONFLICT (id) DO UPDATE SET pruned_through = 2`,
    );
    const old = await streamOf('643', await tokenOf('643'), { 'last-event-id': '1' });
    await old.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
    expect(old.frames[0]?.data).toBe(JSON.stringify({ reason: 'beyond-retention' }));
  });

  it('ends a stream whose token expires while connected, saying so', async () => {
    const brief = await streamOf('643', await tokenOf('643', 'district-oc', 4));
    await brief.waitFor((frames) => frames.some((f) => f.event === 'end'), 15_000);
    expect(brief.frames.at(-1)).toMatchObject({
      event: 'end',
      data: JSON.stringify({ reason: 'token-expired' }),
    });
    await brief.closed;
  });

  it('takes the token as ?access_token= for a browser, and refuses a stream outside the caller’s area', async () => {
    const token = await tokenOf('643');
    const viaQuery = await openStream(
      `${platform.projection.base}/api/stream?scope=24172&access_token=${token}`,
    );
    open.push(viaQuery);
    expect(viaQuery.status).toBe(200);
    expect(viaQuery.correlationId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const quoted = await streamOf('643', token, { 'x-correlation-id': 'tuong-trinh-643' });
    expect(quoted.correlationId).toBe('tuong-trinh-643');
    await viaQuery.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
    const outside = await fetch(`${platform.projection.base}/api/stream?scope=650&access_token=${token}`);
    expect(outside.status).toBe(403);
    const anonymous = await fetch(`${platform.projection.base}/api/stream?scope=643`);
    expect(anonymous.status).toBe(401);
    const badScope = await fetch(`${platform.projection.base}/api/stream?scope=6x&access_token=${token}`);
    expect(badScope.status).toBe(400);
    expect(badScope.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });

  it('serves the dashboard without a token, index.html for its own routes, and nothing outside its folder', async () => {
    const get = (url: string) => fetch(`${platform.projection.base}${url}`);
    const index = await get('/');
    expect([index.status, index.headers.get('content-type'), await index.text()]).toEqual([
      200,
      'text/html; charset=utf-8',
      '<!doctype html><title>Nhịp</title>',
    ]);
    const asset = await get('/assets/app-3f9a1c2b.js');
    expect([asset.status, asset.headers.get('cache-control')]).toEqual([
      200,
      'public, max-age=31536000, immutable',
    ]);
    for (const route of ['/units/643', '/%2e%2e/%2e%2e/etc/passwd'])
      expect(await (await get(route)).text()).toBe('<!doctype html><title>Nhịp</title>');
    expect((await get('/api/units/66/summary')).status).toBe(401);
  });

  it("passes the registry's unit search and unit lookups on with the caller's token, and nothing else", async () => {
    const token = await tokenOf('643');
    const district = platform.projection.as(token);
    const registry = platform.registry.as(token);
    const search = `/units/search?q=${encodeURIComponent('Hòa Phú')}&asOf=2024-06-01&limit=3`;
    const found = await district.get<{ units: { code: string }[] }>(`/registry${search}`);
    expect(found.status).toBe(200);
    expect(found.body.units.map((u) => u.code)).toContain('24172');
    expect(found.body).toEqual((await registry.get(search)).body);
    // Reference data (ADR 0022): a district OC looks up another district's unit too.
    for (const code of ['643', '650']) {
      const unit = await district.get<{ unit: { code: string } }>(`/registry/units/${code}?asOf=2024-06-01`);
      expect([unit.status, unit.body.unit.code]).toEqual([200, code]);
      expect(unit.body).toEqual((await registry.get(`/units/${code}?asOf=2024-06-01`)).body);
    }
    // Its carry-overs as the registry answers them (none: no reform in this tree); not another's.
    const carried = await district.get('/registry/units/643/carry-overs');
    expect(carried.body).toEqual((await registry.get('/units/643/carry-overs')).body);
    const elsewhere = await district.get('/registry/units/650/carry-overs');
    expect([carried.status, elsewhere.status]).toEqual([200, 403]);
    const badQuery = await district.get<{ errors: { field: string }[] }>(
      '/registry/units/search?q=%20&limit=99',
    );
    expect(badQuery.status).toBe(400);
    expect(badQuery.body.errors.map((e) => e.field).sort()).toEqual(['limit', 'q']);
    const badDate = await district.get('/registry/units/643?asOf=2024-13-01');
    const unknown = await district.get('/registry/units/99999?asOf=2024-06-01');
    const notRelayed = await district.get('/registry/teams?unit=643');
    const anonymous = await fetch(`${platform.projection.base}/registry${search}`);
    expect([badDate.status, unknown.status, notRelayed.status, anonymous.status]).toEqual([
      400, 404, 404, 401,
    ]);
  });

  it('resumes from its stored offsets after a restart: nothing applied twice, the log still resumable', async () => {
    const count = async () =>
      (await platform.projection.sql<{ n: number }>('SELECT count(*)::int AS n FROM projection_changes'))[0]
        ?.n;
    const before = await count();
    const last = province.lastEventId() ?? '';
    await platform.projection.restart();
    await eventually(
      async () => (await platform.projection.get<{ inputLag: string }>('/health')).body.inputLag === '0',
    );
    expect(await count()).toBe(before);
    await post(places.east.teamId, places.east.village, 4);
    const resumed = await streamOf('66', await tokenOf('66', 'ioc-operator'), { 'last-event-id': last });
    await resumed.waitFor(reaches('66', 22));
    expect(resumed.frames[0]?.event).toBe('change');
    expect(Math.min(...changeIds(resumed.frames))).toBeGreaterThan(Number(last));
  });

  // Last: it brings in the 2025 tree, in force from 1 July 2025, which the 2024 specs above predate.
  it('shows a former district in a later year as the communes that replaced it, its own figures their sum', async () => {
    const fixtures = new URL('../../registry/src/fixtures/', import.meta.url);
    const send = (pathAndQuery: string, file: string) =>
      platform.registry.post(pathAndQuery, fs.readFileSync(new URL(file, fixtures)), {
        'content-type': 'text/csv',
      });
    const imported = await send(
      '/unit-trees/vn-2025/imports?effectiveFrom=2025-07-01',
      'dak-lak-pilot-2025.csv',
    );
    const mapped = await send('/unit-trees/vn-2025/lineage?from=vn-2024', 'dak-lak-pilot-mapping.csv');
    expect([imported.status, mapped.status].every((status) => status < 300)).toBe(true);
    // Xã Hòa Phú 24175 (2025) replaced 24172 of Thành phố Buôn Ma Thuột (643, 2024).
    const place = await villageWithTeam(platform.registry, '24175', 'Thôn 3');
    await report(platform.activity, {
      activityId: randomUUID(),
      teamId: place.teamId,
      placeCode: place.village,
      kind: 'vneid_activation',
      residentsHelped: 7,
      occurredAt: '2025-09-10T09:00:00+07:00',
    });
    const district = platform.projection.as(await tokenOf('643'));
    const helpedOf = (list: readonly { id: string; value: number | null }[] | undefined) =>
      list?.find((i) => i.id === helped)?.value;
    const summary = await eventually(
      async () => {
        const reply = await district.get<Summary>('/api/units/643/summary?period=2025');
        // The child's figure comes from the read model, the district's from the KPI service's view,
        // kept for two seconds: both are 7 within a moment of each other.
        const both =
          helpedOf(reply.body.children[0]?.indicators) === 7 && helpedOf(reply.body.indicators) === 7;
        return both ? reply : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    expect(summary.body.successorsIn).toBe('vn-2025');
    expect(summary.body.children.map((c) => c.code)).toEqual(['24175']);
    // None recorded by the end of 2025 (the fixture registers today); this year, its successors'.
    expect(summary.body.coverage).toEqual({ villages: 0, villagesWithTeam: 0 });
    const now = `/api/units/643/summary?period=${new Date(Date.now() + 7 * 3_600_000).getUTCFullYear()}`;
    expect((await district.get<Summary>(now)).body.coverage).toEqual({ villages: 1, villagesWithTeam: 1 });
    // The district in its own time is as it was: its 2024 communes, no successors; and the 2025
    // trend's 2024 point is that year's own figure, across the reform.
    const before = await district.get<Summary>('/api/units/643/summary?period=2024');
    expect([before.body.successorsIn, before.body.children.map((c) => c.code)]).toEqual([null, ['24172']]);
    // Each names the units above it in its own tree, for the breadcrumbs and the map.
    const province = { code: '66', name: 'Tỉnh Đắk Lắk' };
    expect([summary.body.ancestors, before.body.ancestors]).toEqual([[province], [province]]);
    const commune = await district.get<Summary>('/api/units/24172/summary?period=2024');
    expect(commune.body.ancestors).toEqual([province, { code: '643', name: 'Thành phố Buôn Ma Thuột' }]);
    const trend = summary.body.indicators.find((i) => i.id === helped)?.trend ?? [];
    expect(trend.find((point) => point.period === '2024')?.value).toBe(helpedOf(before.body.indicators));
    expect(helpedOf(before.body.indicators)).toBeGreaterThan(0);
    // And its stream in 2025 carries the commune that replaced its own.
    const stream = await openStream(`${platform.projection.base}/api/stream?scope=643&period=2025`, {
      authorization: `Bearer ${await tokenOf('643')}`,
    });
    open.push(stream);
    await report(platform.activity, {
      activityId: randomUUID(),
      teamId: place.teamId,
      placeCode: place.village,
      kind: 'vneid_activation',
      residentsHelped: 2,
      occurredAt: '2025-09-11T09:00:00+07:00',
    });
    await stream.waitFor(reaches('24175', 9));
    // A click on its figure explains the sum over the commune that replaced its own.
    const explained = await district.get<{ value: number; unit: { treeVersion: string } }>(
      `/api/units/643/indicators/${helped}/explain?period=2025`,
    );
    expect([explained.status, explained.body.value, explained.body.unit.treeVersion]).toEqual([
      200,
      9,
      'vn-2024',
    ]);
  });
});
