// A target assigned by a higher unit replaces the one it assigned before for the same unit, metric
// and period; the unit and every unit above it may read a new value, published in the same transaction.
import { inTransaction } from '@nhip/event-sourcing';
import { invalidRequest } from '@nhip/service-http';
import { beforeRequestWrites } from '@nhip/postgres';
import type pg from 'pg';
import { indicatorsReading } from '../../indicators/readers.ts';
import { ledgerPosition, publishChanges } from '../../ledger/publish-changes.ts';
import { requireIndicator, requireStoredPeriod, requireUnit, type WriteAccess } from '../../views/lookup.ts';
import type { AssignTargetDto } from './assign-target.request.ts';

export interface AssignedTarget {
  readonly unitCode: string;
  readonly metric: string;
  readonly period: string;
  readonly value: number;
  readonly assignedBy: string;
  readonly assignedAt: string;
}

function targetMetric(indicatorId: string) {
  const indicator = requireIndicator(indicatorId);
  const operand = indicator.denominator;
  if (operand && 'target' in operand) return operand.target;
  throw invalidRequest([{ field: 'indicatorId', reason: 'is not measured against an assigned target' }]);
}

export async function assignTarget(
  pool: pg.Pool,
  input: AssignTargetDto,
  access: WriteAccess,
): Promise<AssignedTarget> {
  const metric = targetMetric(input.indicatorId);
  // The request's form refuses a year to date already; a handler called otherwise must too.
  const period = requireStoredPeriod(input.period);
  const unit = await beforeRequestWrites(requireUnit(pool, input.unitCode, period, 'unitCode'));
  await access.inScope(unit);
  if (!unit.path.slice(0, -1).includes(input.assignedBy)) {
    throw invalidRequest([
      {
        field: 'assignedBy',
        reason: `must be a unit above ${unit.code} (${unit.path.slice(0, -1).join(' › ')})`,
      },
    ]);
  }
  const assignedAt = new Date().toISOString();
  await inTransaction(pool, async (tx) => {
    await tx.query(
      `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (unit_code, metric, period) DO UPDATE SET value = EXCLUDED.value,
         unit_path = EXCLUDED.unit_path, assigned_by = EXCLUDED.assigned_by, assigned_at = EXCLUDED.assigned_at`,
      [unit.code, metric, period.key, unit.path, input.value, input.assignedBy, assignedAt],
    );
    const indicators = indicatorsReading({ target: metric });
    const touched = unit.path.map((unitCode) => ({ unitCode, period: period.key, indicators }));
    await publishChanges(tx, touched, await ledgerPosition(tx), `target/${access.requestId}`);
  });
  return {
    unitCode: unit.code,
    metric,
    period: period.key,
    value: input.value,
    assignedBy: input.assignedBy,
    assignedAt,
  };
}
