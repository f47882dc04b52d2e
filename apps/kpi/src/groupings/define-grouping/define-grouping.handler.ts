// Defines a grouping from units of the tree in force today, each of which must lie in the
// caller's area; a code is defined once (the stream per code makes a second one a conflict).
import { vietnamDay } from '@nhip/contracts';
import { executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, notFound, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { treeInForce, unitsIn, type TreeUnit } from '../../figures/tree.queries.ts';
import { groupingAggregate } from '../grouping.aggregate.ts';
import { groupingsStream, type GroupingDefinedData } from '../grouping.ts';
import type { DefineGroupingDto } from './define-grouping.request.ts';

export interface DefineGroupingRequest extends RequestContext {
  readonly body: DefineGroupingDto;
  /** 403 unless every unit lies in the caller's area, naming the first outside by its field. */
  readonly inScope: (members: readonly { unit: TreeUnit; field: string }[]) => Promise<void>;
}

export async function defineGrouping(
  pool: pg.Pool,
  request: DefineGroupingRequest,
): Promise<GroupingDefinedData> {
  const { body } = request;
  const treeVersion = await treeInForce(pool, vietnamDay(request.now));
  if (!treeVersion) throw notFound('unit tree in force', 'units', vietnamDay(request.now));
  const found = new Map((await unitsIn(pool, treeVersion, body.units)).map((u) => [u.code, u]));
  await request.inScope(
    body.units.flatMap((code, index) => {
      const unit = found.get(code);
      return unit ? [{ unit, field: `units[${index}]` }] : [];
    }),
  );
  const result = await executeCommand(pool, groupingAggregate, () =>
    Promise.resolve({
      commandId: commandIdOf(request),
      streamId: groupingsStream(body.code),
      command: {
        type: 'DefineGrouping' as const,
        code: body.code,
        name: body.name.normalize('NFC').trim(),
        treeVersion,
        units: body.units,
        unknown: body.units.flatMap((code, index) => (found.has(code) ? [] : [{ index, code }])),
        definedBy: request.actor,
        definedAt: request.now.toISOString(),
      },
      metadata: { correlationId: request.correlationId, occurredAt: request.now.toISOString() },
    }),
  );
  const [defined] = result.events;
  if (!defined) throw new Error('Defining a grouping decided nothing.');
  return defined.data;
}
