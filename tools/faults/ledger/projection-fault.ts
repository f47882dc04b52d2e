// The projection as a fault-ledger target (issue 14, docs/adr/0035).
import type { Fault } from './run-fault.ts';
import { restarted } from './faults.ts';
import { duplicateDelivery } from './topic-faults.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The projection beside the services it follows: 10 % of what is consumed delivered twice, and
 * the projection's consumer killed (kill -9) mid-batch twice, once with a batch applied but not
 * committed, once committed but its offsets not yet sent to Kafka. Check (d) then compares every
 * projection value with the KPI service's latest, and its change log with its values.
 */
export const projectionLedger: Fault = {
  name: 'projection-ledger',
  description:
    'Projection: 10 % of its input redelivered, its consumer killed (kill -9) mid-batch twice, before and after the database commit',
  services: ['registry', 'activity', 'training', 'kpi', 'projection'],
  prepare: () =>
    Promise.resolve({
      projection: { NHIP_FAILPOINTS: 'consumer:before-db-commit@6,consumer:after-db-commit@6' },
    }),
  inject: async (ctx) => {
    await sleep(2_000);
    ctx.note('duplicated', await duplicateDelivery(ctx, 0.1));
    await restarted(ctx, 'projection', 2, 120_000);
  },
  heal: () => Promise.resolve(),
};
