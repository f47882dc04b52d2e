// The simulated province's figures from above: the year's targets handed down from the province to
// its communes, and the statistics its source systems report. A target or a figure sent again for
// the same period or day replaces the first, so a restarted simulator changes nothing.
import { StatisticReportedV1, statisticIds } from '@nhip/contracts';
import { deterministicUuid } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { summedStatistics, communeProfile, type SimStatistics } from './commune-profile.ts';
import { call, type Endpoints } from './province.ts';

/**
 * Waits until the KPI service knows the province's communes (it learns them from the registry's
 * events, 14,000 units on a first start): a target for a commune it does not know yet is refused,
 * a statistic dead-lettered. Every commune answered once, a second apart, up to three minutes.
 */
export async function kpiKnowsCommunes(
  ends: Endpoints,
  communes: readonly { code: string }[],
  year: string,
): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (const { code } of communes) {
    const path = `${ends.kpi}/units/${code}/indicators?period=${year}&indicators=vneid_vs_target&fields=figures`;
    while ((await call(ends, path)).status !== 200) {
      if (Date.now() > deadline) throw new Error(`The KPI service still does not know commune ${code}.`);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    }
  }
}

/**
 * The year's targets for each commune (commune-profile.ts) and the province's, their sum, assigned
 * by the province; how many communes took both.
 */
export async function targetsTopDown(
  ends: Endpoints,
  province: string,
  communes: readonly { code: string }[],
  year: string,
): Promise<number> {
  const ids = ['vneid_vs_target', 'public_service_accounts_vs_target'] as const;
  let assigned = 0;
  for (const indicatorId of ids) {
    const assign = (unitCode: string, value: number) =>
      call(ends, `${ends.kpi}/targets`, { unitCode, indicatorId, period: year, value, assignedBy: province });
    let total = 0;
    for (const { code } of communes) {
      const value = communeProfile(code).targets[indicatorId];
      total += value;
      if ((await assign(code, value)).status < 300) assigned++;
    }
    await assign(province, total);
  }
  return assigned / ids.length;
}

const statisticsSource = 'Số liệu mô phỏng của npm start, không phải số liệu thống kê chính thức';

/**
 * Each commune's figures as of today (commune-profile.ts), and the province's own, their sum, sent
 * as a partner system sends them: CloudEvents on `partner.statistics.v1`, keyed by unit, which the
 * KPI service takes a batch at a time (about a thousand figures; one POST each, every one ranking
 * its commune among a hundred siblings, took over a second apiece under the live reports). A
 * figure sent again for the same day replaces the first. Returns how many were sent.
 */
export async function statisticsReported(
  province: string,
  communes: readonly { code: string }[],
  asOf: string,
): Promise<number> {
  const byCommune = communes.map(({ code }) => [code, communeProfile(code).statistics] as const);
  const all: (readonly [string, SimStatistics])[] = [
    ...byCommune,
    [province, summedStatistics(byCommune.map(([, s]) => s))],
  ];
  const topic = `${topicPrefixFromEnv()}${StatisticReportedV1.topic}`;
  const messages = all.flatMap(([unitCode, figures]) =>
    statisticIds.map((statistic) => ({
      topic,
      key: unitCode,
      value: JSON.stringify({
        unitCode,
        statistic,
        value: figures[statistic],
        asOf,
        source: statisticsSource,
      }),
      headers: {
        ce_specversion: '1.0',
        ce_id: deterministicUuid(`sim/statistic/${unitCode}/${statistic}/${asOf}`),
        ce_type: StatisticReportedV1.type,
        ce_source: '/simulator/statistics',
        'content-type': 'application/json',
      },
    })),
  );
  const messaging = createMessaging(kafkaConnectionFromEnv('nhip-simulator'));
  try {
    await messaging.publisher.publish(messages);
  } finally {
    await messaging.close();
  }
  return messages.length;
}
