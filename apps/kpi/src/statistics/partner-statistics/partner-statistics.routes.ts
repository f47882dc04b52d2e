// Statistics partners send on `partner.statistics.v1`: each checked against its schema, the
// catalog's statistics and the known units; one that fails is thrown back to the consumer runtime,
// which retries it and then sends it to `partner.statistics.v1.dlt` with the reason. A batch's
// statistics are stored, then what they changed is published once: a statistics office sending a
// province's communes at once has each commune's siblings ranked once, not once a statistic.
import { statisticReportProblems, StatisticReportedV1, type StatisticReportedData } from '@nhip/contracts';
import type { IncomingEvent, Tx } from '@nhip/event-sourcing';
import { statisticIds } from '../../indicators/indicator.ts';
import { parsePeriod } from '../../periods/period.ts';
import { findUnit } from '../../figures/tree.queries.ts';
import { ledgerPosition, publishChanges, type Touched } from '../../ledger/publish-changes.ts';
import { storeStatistic } from '../report-statistic/index.ts';

export const isPartnerStatisticType = (type: string): boolean => type === StatisticReportedV1.type;

async function checked(event: IncomingEvent, tx: Tx): Promise<StatisticReportedData> {
  const problems = statisticReportProblems(event.data);
  if (problems.length > 0) throw new Error(`statistic ${event.id} breaks its schema: ${problems.join('; ')}`);
  const data = event.data as StatisticReportedData;
  if (!(statisticIds as readonly string[]).includes(data.statistic)) {
    throw new Error(`statistic ${event.id}: unknown statistic ${data.statistic}; see GET /catalog`);
  }
  const day = parsePeriod(data.asOf);
  if (!day) throw new Error(`statistic ${event.id}: asOf ${data.asOf} is not a calendar day`);
  if (!(await findUnit(tx, data.unitCode, day.lastDay))) {
    throw new Error(`statistic ${event.id}: no unit ${data.unitCode} in any tree`);
  }
  return data;
}

export async function takeStatistics(events: readonly IncomingEvent[], tx: Tx): Promise<void> {
  const [first] = events;
  if (!first) return;
  const touched: Touched[] = [];
  for (const event of events) touched.push(...(await storeStatistic(tx, await checked(event, tx))).touched);
  // The batch's first id makes the messages' ids repeatable, as the activity consumer's do.
  await publishChanges(tx, touched, await ledgerPosition(tx), `partner/${first.id}`);
}
