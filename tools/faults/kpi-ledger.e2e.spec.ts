// Issue 13's ledger test on the fault suite (docs/adr/0020): registry, activity, training and the
// KPI service supervised under 8 clients posting reports; 10 % of what the KPI consumes delivered
// twice and its consumer killed (kill -9) mid-batch twice, before and after its database commit.
// Afterwards every KPI total equals a recomputation from the three event stores (check d: nothing
// lost, nothing counted twice) and its consumer lag is back to 0.
import { describe, expect, it } from '@jest/globals';
import { kpiLedger } from './ledger/kpi-fault.ts';
import { runFault } from './ledger/run-fault.ts';

const workload = { reporters: 8, registrars: 1, warmupMs: 2_000, afterMs: 2_000, pauseMs: 40 };

describe('the KPI service through redelivery and two kills, checked by the ledger', () => {
  it('every KPI total equals a recomputation from the event stores; lag back to 0', async () => {
    const result = await runFault(kpiLedger, workload);
    const check = (id: string) => result.checks.find((c) => c.id === id);
    expect(result.error).toBeUndefined();
    // Only the two planned kills: any other exit is shown here with the service's last words.
    expect(result.crashes).toEqual({});
    expect(result.restarts['kpi']).toBe(2);
    expect(result.notes['duplicated']).toBeGreaterThan(0);
    expect(result.commands.ok).toBeGreaterThan(50);
    const d = check('d');
    expect(d?.held).toBe(true);
    // The recomputation counted the reports: the cells compared are not an empty set.
    expect(d?.counts['kpiCells']).toBeGreaterThan(100);
    expect(check('f')?.counts['lag']).toBe(0);
    expect(result.checks.filter((c) => !c.held)).toEqual([]);
  }, 240_000);
});
