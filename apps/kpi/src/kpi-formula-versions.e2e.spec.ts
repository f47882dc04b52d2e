// A deploy that changes a formula: when the service starts, the values published with the version it
// replaced are computed again and published with the version in force, on the public topic partners
// read (the registry and KPI services built, real broker and database; ADR 0063). A recorded version
// 0 stands for the replaced one: the catalog ships version 1 of every indicator.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { publicTopics, type IndicatorChangedData } from '@nhip/contracts';
import { readTopic } from '@nhip/event-sourcing';
import { createMessaging } from '@nhip/messaging';
import {
  eventually,
  kafkaBrokers,
  startBuiltService,
  uniqueTopicPrefix,
  type RunningService,
} from '@nhip/testing';
import { importUnits2024, indicatorReaches, reportWardHouseholds } from './fixtures/platform.ts';

const indicator = 'digital_address_households';

describe('KPI service: values recorded with a replaced formula version are published again at start', () => {
  const topicPrefix = uniqueTopicPrefix();
  let registry: RunningService;
  let kpi: RunningService;
  const messaging = createMessaging({ brokers: kafkaBrokers(), clientId: 'kpi-formula-spec' });
  const published = async () =>
    (await readTopic(messaging, `${topicPrefix}${publicTopics.kpiIndicator}`))
      .map((m) => JSON.parse(m.value.toString()) as IndicatorChangedData)
      .filter((d) => d.indicatorId === indicator);

  beforeAll(async () => {
    registry = await startBuiltService('registry', 'kpi_formula', { NHIP_TOPIC_PREFIX: topicPrefix });
    kpi = await startBuiltService('kpi', 'kpi_formula', { NHIP_TOPIC_PREFIX: topicPrefix });
    await importUnits2024(registry);
    await eventually(async () => (await kpi.get('/units/48/indicators?period=2024')).status === 200, {
      timeoutMs: 120_000,
    });
    await reportWardHouseholds(kpi);
    await indicatorReaches(kpi, ['20206', 'period=2024', indicator], (f) => f?.exact === '37.50');
  }, 180_000);

  afterAll(async () => {
    await messaging.close();
    await Promise.all([kpi.stop(), registry.stop()]);
  });

  it('publishes each value of the indicator once more with the version in force, its figures unchanged', async () => {
    const recorded = await kpi.sql<{ unit_code: string; period: string; figures: string }>(
      'SELECT unit_code, period, figures FROM kpi_published WHERE indicator_id = $1',
      [indicator],
    );
    expect(recorded.length).toBeGreaterThan(0);
    const before = await eventually(async () => {
      const sent = await published();
      return sent.length >= recorded.length ? sent : undefined;
    });
    const lastRevision = before.reduce((max, d) => (BigInt(d.revision) > max ? BigInt(d.revision) : max), 0n);
    // The database as the previous deploy left it: the values and the record on version 0.
    await kpi.sql(
      `UPDATE kpi_published SET version = 0, figures = jsonb_set(figures::jsonb, '{version}', '0')::text
        WHERE indicator_id = $1`,
      [indicator],
    );
    await kpi.sql('UPDATE kpi_published_versions SET version = 0 WHERE indicator_id = $1', [indicator]);

    await kpi.restart();

    const again = await eventually(
      async () => {
        const sent = (await published()).filter((d) => BigInt(d.revision) > lastRevision);
        return sent.length >= recorded.length ? sent : undefined;
      },
      { timeoutMs: 60_000, intervalMs: 500 },
    );
    const key = (d: { unitCode: string; period: string }) => `${d.unitCode}/${d.period}`;
    expect(again.map(key).toSorted()).toEqual(recorded.map((r) => `${r.unit_code}/${r.period}`).toSorted());
    expect(new Set(again.map((d) => d.version))).toEqual(new Set([1]));
    const valueBefore = new Map(
      recorded.map((r) => [
        `${r.unit_code}/${r.period}`,
        (JSON.parse(r.figures) as { value: number | null }).value,
      ]),
    );
    expect(again.map((d) => [key(d), d.value])).toEqual(again.map((d) => [key(d), valueBefore.get(key(d))]));
    const lines = kpi.output().split('\n');
    expect(lines.some((l) => l.includes(`publishing values again with ${indicator} 0 → 1`))).toBe(true);
    expect(lines.some((l) => l.includes(`formula versions in force: ${indicator} 0 → 1`))).toBe(true);
    const versions = await kpi.sql<{ version: number }>(
      'SELECT DISTINCT version FROM kpi_published WHERE indicator_id = $1',
      [indicator],
    );
    expect(versions).toEqual([{ version: 1 }]);
  }, 180_000);
});
