// Issue 13's KPI ledger test as a fault of the suite (docs/adr/0020, 0028).
import type { Fault } from './run-fault.ts';
import { restarted } from './faults.ts';
import { duplicateDelivery } from './topic-faults.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 13's KPI ledger test: the KPI service beside the three services it counts from, 10 % of
 * what it consumes delivered twice, and its consumer killed mid-batch twice: once with a batch
 * applied but not committed, once committed but its offsets not yet sent to Kafka. Check (d) then
 * compares every KPI total with a recomputation from the three event stores.
 */
export const kpiLedger: Fault = {
  name: 'kpi-ledger',
  description:
    'KPI: 10 % of its input redelivered, its consumer killed (kill -9) mid-batch twice, before and after the database commit',
  services: ['registry', 'activity', 'training', 'kpi'],
  prepare: () =>
    Promise.resolve({
      kpi: { NHIP_FAILPOINTS: 'consumer:before-db-commit@12,consumer:after-db-commit@12' },
    }),
  inject: async (ctx) => {
    await sleep(2_000);
    ctx.note('duplicated', await duplicateDelivery(ctx, 0.1));
    await restarted(ctx, 'kpi', 2, 120_000);
  },
  heal: () => Promise.resolve(),
};
