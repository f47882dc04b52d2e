// The simulated province's figures from above: the year's targets handed down from the province to
// its communes, and the statistics its source systems report. A target or a figure sent again for
// the same period or day replaces the first, so a restarted simulator changes nothing.
import { StatisticReportedV1 } from '@nhip/contracts';
import { deterministicUuid } from '@nhip/event-sourcing';
import { createMessaging, kafkaConnectionFromEnv, topicPrefixFromEnv } from '@nhip/messaging';
import { simStatistics, summedStatistics, communeProfile, type SimStatistics } from './commune-profile.ts';
import { call, villagesPerCommune, type Endpoints } from './province.ts';

// A village's share of the year's targets: VNeID accounts, and public-service portal accounts
// (the teams are asked for half as many of those, as the simulated reports are).
const targetsPerVillage = { vneid_vs_target: 400, public_service_accounts_vs_target: 200 } as const;

/** The province's targets for the year, split over its communes; how many communes took them. */
export async function targetsTopDown(
  ends: Endpoints,
  province: string,
  communes: readonly { code: string }[],
  year: string,
): Promise<number> {
  let assigned = 0;
  for (const [indicatorId, perVillage] of Object.entries(targetsPerVillage)) {
    const assign = (unitCode: string, value: number) =>
      call(ends, `${ends.kpi}/targets`, { unitCode, indicatorId, period: year, value, assignedBy: province });
    for (const { code } of communes)
      if ((await assign(code, perVillage * villagesPerCommune)).status < 300) assigned++;
    await assign(province, perVillage * villagesPerCommune * communes.length);
  }
  return assigned / Object.keys(targetsPerVillage).length;
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
    simStatistics.map((statistic) => ({
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
