// Issue 14's projection on the fault suite (docs/adr/0020, 0035): registry, activity, training, the
// KPI service and the projection supervised under 8 clients posting reports; 10 % of what is
// consumed delivered twice and the projection's consumer killed (kill -9) mid-batch twice, before
// and after its database commit. Afterwards every projection value equals the KPI service's latest
// for its unit, indicator and period, the change log carries each value once, and lag is back to 0.
import { describe, expect, it } from '@jest/globals';
import { projectionLedger } from './ledger/projection-fault.ts';
import { runFault } from './ledger/run-fault.ts';

const workload = { reporters: 8, registrars: 1, warmupMs: 2_000, afterMs: 2_000, pauseMs: 40 };

describe('the projection through redelivery and two kills, checked by the ledger', () => {
  it("every projection value is the KPI service's latest; the change log complete and without duplicates; lag 0", async () => {
    const result = await runFault(projectionLedger, workload);
    const check = (id: string) => result.checks.find((c) => c.id === id);
    expect(result.error).toBeUndefined();
    // Only the two planned kills: any other exit is shown here with the service's last words.
    expect(result.crashes).toEqual({});
    expect(result.restarts['projection']).toBe(2);
    expect(result.notes['duplicated']).toBeGreaterThan(0);
    expect(result.commands.ok).toBeGreaterThan(50);
    const d = check('d');
    expect(d?.held).toBe(true);
    // The values compared are not an empty set: the reports reached the projection.
    expect(d?.counts['projectionValues']).toBeGreaterThan(100);
    expect(check('f')?.counts['lag']).toBe(0);
    expect(result.checks.filter((c) => !c.held)).toEqual([]);
  }, 300_000);
});
