// The import use case, free of HTTP: parse the list, run the unit-tree decider through the generic
// command handler, summarise what changed.
import { executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, ProblemError, problemType, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { checkTreeVersion } from '../csv-upload.ts';
import { unitTreeAggregate } from '../unit-tree.aggregate.ts';
import { unitTreeStream, type UnitTreeEvent } from '../unit-tree.ts';
import { parseUnitList } from './unit-list.csv.ts';

export interface ImportRequest extends RequestContext {
  readonly treeVersion: string;
  readonly effectiveFrom: string;
  readonly csv: Uint8Array;
}

export interface ImportSummary {
  readonly treeVersion: string;
  readonly effectiveFrom: string;
  readonly unitsInList: number;
  readonly changes: Record<'added' | 'renamed' | 'reclassified' | 'moved' | 'retired', number>;
  readonly upToDate: boolean;
}

export async function importUnitList(pool: pg.Pool, request: ImportRequest): Promise<ImportSummary> {
  checkTreeVersion(request.treeVersion, 'treeVersion');
  const parsed = parseUnitList(request.csv);
  if (!parsed.ok) {
    throw new ProblemError({
      type: problemType('invalid-unit-list'),
      title: 'The unit list cannot be imported',
      status: 422,
      detail: `${parsed.problems.length} problem(s) found; nothing was imported.`,
      errors: parsed.problems,
    });
  }
  const result = await executeCommand(pool, unitTreeAggregate, () =>
    Promise.resolve({
      commandId: commandIdOf(request),
      streamId: unitTreeStream(request.treeVersion),
      command: {
        type: 'ImportUnitList' as const,
        treeVersion: request.treeVersion,
        effectiveFrom: request.effectiveFrom,
        units: parsed.units,
      },
      metadata: { correlationId: request.correlationId, occurredAt: request.now.toISOString() },
    }),
  );
  return summarise(request, parsed.units.length, result.events);
}

function summarise(
  request: ImportRequest,
  unitsInList: number,
  events: readonly UnitTreeEvent[],
): ImportSummary {
  const count = (type: UnitTreeEvent['type']): number => events.filter((e) => e.type === type).length;
  const changes = {
    added: count('UnitAdded'),
    renamed: count('UnitRenamed'),
    reclassified: count('UnitReclassified'),
    moved: count('UnitMoved'),
    retired: count('UnitRetired'),
  };
  return {
    treeVersion: request.treeVersion,
    effectiveFrom: request.effectiveFrom,
    unitsInList,
    changes,
    upToDate: Object.values(changes).every((n) => n === 0),
  };
}
