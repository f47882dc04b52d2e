import { executeCommand } from '@nhip/event-sourcing';
import { commandIdOf, type RequestContext } from '@nhip/service-http';
import type pg from 'pg';
import { findUnit, requireTreeInForce } from '../../unit-trees/units/index.ts';
import { villageAggregate } from '../village.aggregate.ts';
import { villagesStream, type VillageRegisteredData } from '../village.ts';

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
  const result = await executeCommand(pool, villageAggregate, async (tx) => {
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
  if (registered?.type !== 'VillageRegistered') throw new Error('Registering a village decided nothing.');
  return { treeVersion: tree.treeVersion, ...registered.data };
}
