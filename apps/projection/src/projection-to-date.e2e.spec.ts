// A year to date on the stream, end to end on the real broker and databases. A screen showing the
// half year ("6 tháng đầu năm") opens one stream for it: the snapshot is the half year's, then it
// carries the changes of the quarters and months it is summed from, none after its end, and its
// year's only when they move the target it is measured against. A statistic dated inside it
// reaches it even when the year's figure does not move, which a screen following only its year
// missed (ADR 0060). And the summary as known at a moment between two reports: why yesterday's
// report differs from today's screen.
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { IndicatorChangedData } from '@nhip/contracts';
import { eventually, tokenFor } from '@nhip/testing';
import {
  importTree,
  startPlatform,
  villageWithTeam,
  vneidReport,
  type Platform,
} from './fixtures/platform.ts';
import { dataOf, openStream, type SseFrame, type SseStream } from './fixtures/sse-client.ts';

let platform: Platform;
let place = { village: '', teamId: '' };
const open: SseStream[] = [];
const commune = '24172';

const changes = (frames: readonly SseFrame[]) => dataOf<IndicatorChangedData>(frames, 'change');
const changeIds = (frames: readonly SseFrame[]) =>
  frames.filter((f) => f.event === 'change').map((f) => Number(f.id));

async function streamOf(period: string, headers: Record<string, string> = {}) {
  const token = await tokenFor({ sub: 'oc-643', role: 'district-oc', unit: '643' });
  const url = `${platform.projection.base}/api/stream?scope=643&period=${period}`;
  const stream = await openStream(url, { authorization: `Bearer ${token}`, ...headers });
  open.push(stream);
  return stream;
}

const post = (residentsHelped: number, occurredAt: string) =>
  vneidReport(platform.activity, place, residentsHelped, occurredAt);

/** A statistic of Xã Hòa Phú, once the KPI service knows the commune. */
const statistic = (name: string, asOf: string, value: number) =>
  eventually(async () => {
    const body = { unitCode: commune, statistic: name, value, asOf, source: 'Cục Thống kê (test)' };
    const reply = await platform.kpi.post('/statistics', body);
    if (reply.status === 404) return undefined;
    if (reply.status !== 201) throw new Error(`statistic: ${reply.status} ${JSON.stringify(reply.body)}`);
    return true;
  });

beforeAll(async () => {
  platform = await startPlatform('year_to_date');
  await importTree(platform.registry);
  place = await villageWithTeam(platform.registry, commune, 'Thôn 1');
  // The projection knows the units once the registry's events reached it.
  await eventually(
    async () => (await platform.projection.get(`/api/units/${commune}/summary`)).status === 200,
    {
      timeoutMs: 60_000,
    },
  );
});
afterAll(async () => {
  for (const stream of open) stream.close();
  await platform.stop();
});

describe('a year to date on the stream, end to end', () => {
  let half: SseStream;
  /** A moment after August's report was recorded and before May's. */
  let between = '';

  it('opens with its own snapshot, then carries the changes of the periods it is summed from, none after', async () => {
    half = await streamOf('2024-to-Q2');
    const august = await streamOf('2024-08');
    const wholeYear = await streamOf('2024');
    await half.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
    const [snapshot] = dataOf<{ period: string; unit: { code: string } }>(half.frames, 'snapshot');
    expect([snapshot?.period, snapshot?.unit.code]).toEqual(['2024-to-Q2', '643']);
    // August's report first: after the half year, so only its year's change comes. Once August's own
    // stream has it, the half year's has been handed the same read of the log.
    await post(5, '2024-08-05T09:00:00+07:00');
    await august.waitFor((frames) => changes(frames).some((c) => c.unitCode === place.village));
    between = new Date().toISOString();
    await post(6, '2024-05-11T09:00:00+07:00');
    // May's month and quarter may come in different reads of the log: both waited for.
    const may = (frames: readonly SseFrame[]) =>
      ['2024-05', '2024-Q2'].every((p) =>
        changes(frames).some((c) => c.period === p && c.unitCode === place.village),
      );
    await half.waitFor(may);
    // May's report moved the year too (5 + 6), on the year's stream. The half year is measured
    // against the year's target, never summed from its value: the year's changes reach it only for
    // the first value of each indicator (August's), none that left the target as it was.
    await wholeYear.waitFor((frames) =>
      changes(frames).some((c) => c.period === '2024' && c.unitCode === place.village && c.numerator === 11),
    );
    // Its days are its months' (a half year is summed from quarters): the day's change is not carried.
    expect([...new Set(changes(half.frames).map((c) => c.period))].sort()).toEqual([
      '2024',
      '2024-05',
      '2024-Q2',
    ]);
    // A resume replays the same periods of the log, and no others.
    const resumed = await streamOf('2024-to-Q2', { 'last-event-id': half.frames[0]?.id ?? '' });
    await resumed.waitFor(may);
    // The district's and the province's changes may still be on their way to either: the same in the end.
    await eventually(() => isDeepStrictEqual(changeIds(resumed.frames), changeIds(half.frames)) || undefined);
    // The resume was asked after the year's stream had May's year change, so its replay, read from
    // the log with the same rule, holds whatever the stream carries of the year: August's first
    // values, not May's.
    const years = changes(resumed.frames).filter((c) => c.period === '2024' && c.unitCode === place.village);
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((c) => c.numerator === 5)).toBe(true);
  });

  it('carries a statistic dated inside it whose year does not move', async () => {
    const year = await streamOf('2024');
    await year.waitFor((frames) => frames.some((f) => f.event === 'snapshot'));
    await statistic('residents_with_e_payment_account', '2024-03-31', 1_500);
    // The year's population is 31 July's: a population dated 15 May moves May and the second
    // quarter, not the year.
    await statistic('population_15_plus', '2024-07-31', 3_000);
    const ePayment = (period: string, denominator: number) => (frames: readonly SseFrame[]) =>
      changes(frames).some(
        (c) =>
          c.indicatorId === 'e_payment_15_plus' &&
          c.unitCode === commune &&
          c.period === period &&
          c.denominator === denominator,
      );
    await year.waitFor(ePayment('2024', 3_000));
    await statistic('population_15_plus', '2024-05-15', 2_500);
    await half.waitFor(ePayment('2024-Q2', 2_500));
    expect(half.frames.some((f) => f.event === 'change' && ePayment('2024-05', 2_500)([f]))).toBe(true);
    // The year's figure stayed 31 July's: on the year alone the half year would not have moved. Nor
    // does the year's 31 July population reach it: it moved a denominator, not the year's target.
    const years = changes(half.frames).filter(
      (c) => c.indicatorId === 'e_payment_15_plus' && c.period === '2024',
    );
    expect(years.map((c) => c.denominator)).not.toContain(2_500);
    expect(years.map((c) => c.denominator)).not.toContain(3_000);
  });

  it('answers a summary as known at a moment: what was recorded after it left out, its trend too', async () => {
    type Summary = {
      knownAt: string | null;
      indicators: { id: string; value: number | null; trend: { period: string; value: number | null }[] }[];
    };
    const district = platform.projection.as(
      await tokenFor({ sub: 'oc-643', role: 'district-oc', unit: '643' }),
    );
    const helped = (summary: Summary) =>
      summary.indicators.find((i) => i.id === 'residents_helped.vneid_activation');
    const summary = async (query: string) =>
      (await district.get<Summary>(`/api/units/643/summary?${query}`)).body;
    const now = await summary('period=2024-to-Q3');
    const then = await summary(`period=2024-to-Q3&knownAt=${encodeURIComponent(between)}`);
    // August's 5 then May's 6: known at the moment between, the nine months held August's alone.
    expect([helped(now)?.value, now.knownAt]).toEqual([11, null]);
    expect([helped(then)?.value, then.knownAt]).toEqual([5, between]);
    // Each point of its trend as known then too: the half year, nothing yet.
    const point = (s: Summary, period: string) => helped(s)?.trend.find((p) => p.period === period)?.value;
    expect([point(now, '2024-to-Q2'), point(then, '2024-to-Q2')]).toEqual([6, 0]);
    const refused = await district.get<{ errors: { field: string }[] }>(
      '/api/units/643/summary?knownAt=yesterday',
    );
    expect([refused.status, refused.body.errors.map((e) => e.field)]).toEqual([400, ['knownAt']]);
  });
});
