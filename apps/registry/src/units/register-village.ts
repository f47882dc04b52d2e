import type pg from 'pg';
import { requireTreeInForce } from './tree-in-force.ts';
import { findUnit } from './unit-tree.queries.ts';
import { villagesStream, type VillageRegisteredData } from './village.ts';
import { villageSlice } from './village.slice.ts';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import { executeCommand } from '@nhip/event-sourcing';

export interface RegisterVillageRequest extends RequestContext {
  readonly communeCode: string;
  readonly name: string;
  readonly villageType: string;
}

/** Registers a village under a commune of the tree in force today; answers with its derived code. */
export async function registerVillage(
  pool: pg.Pool,
  request: RegisterVillageRequest,
): Promise<VillageRegisteredData & { treeVersion: string }> {
  const tree = await requireTreeInForce(pool, request.now);
  const result = await executeCommand(pool, villageSlice, async (tx) => {
    const found = await findUnit(tx, tree.treeVersion, request.communeCode);
    return {
      commandId: commandIdOf(request),
      streamId: villagesStream(tree.treeVersion, request.communeCode),
      command: {
        type: 'RegisterVillage' as const,
        treeVersion: tree.treeVersion,
        communeCode: request.communeCode,
        commune: found?.origin === 'official' ? found : undefined,
        name: request.name.normalize('NFC').trim(),
        villageType: request.villageType.normalize('NFC').trim(),
      },
      metadata: { correlationId: request.correlationId, occurredAt: request.now.toISOString() },
    };
  });
  const [registered] = result.events;
  if (!registered) throw new Error('Registering a village decided nothing.');
  return { treeVersion: tree.treeVersion, ...registered.data };
}
