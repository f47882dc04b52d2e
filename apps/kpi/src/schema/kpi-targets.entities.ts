// The targets higher units assign to lower ones, and each one listed under every unit of its path
// (ADR 0056): what a unit's target figure is read from.
import { EntitySchema } from 'typeorm';

const text = { type: 'text' } as const;
const textKey = { type: 'text', primary: true } as const;
const texts = { type: 'text', array: true } as const;
const bigint = { type: 'bigint' } as const;
const at = { type: 'timestamptz' } as const;

/** "Chỉ tiêu được giao": a higher unit's target for a lower one, a metric and a period. */
export const KpiTarget = new EntitySchema<{
  unitCode: string;
  metric: string;
  period: string;
  unitPath: string[];
  value: string;
  assignedBy: string;
  assignedAt: Date;
}>({
  name: 'KpiTarget',
  tableName: 'kpi_targets',
  columns: {
    unitCode: textKey,
    metric: textKey,
    period: textKey,
    unitPath: texts,
    value: bigint,
    assignedBy: text,
    assignedAt: at,
  },
});

/**
 * Each target listed under every unit of its path (`reachCode`), with the units between that unit
 * and the target's parent: a unit's candidate targets by key (ADR 0056), kept by the trigger
 * kpi_targets_listed on kpi_targets (migration KpiTargetReach).
 */
export const KpiTargetReach = new EntitySchema<{
  reachCode: string;
  period: string;
  metric: string;
  unitCode: string;
  betweenCodes: string[];
  value: string;
  assignedBy: string;
  assignedAt: Date;
}>({
  name: 'KpiTargetReach',
  tableName: 'kpi_target_reach',
  columns: {
    reachCode: textKey,
    period: textKey,
    metric: textKey,
    unitCode: textKey,
    betweenCodes: texts,
    value: bigint,
    assignedBy: text,
    assignedAt: at,
  },
  indices: [{ name: 'kpi_target_reach_target', columns: ['unitCode', 'metric', 'period'] }],
});
