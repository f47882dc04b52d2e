// The villages a carry-over took over stop counting where they were (ADR 0068): each retired on its
// own commune's stream, published as unit.retired, so the KPI service takes it out of its earlier
// tree's stocks on the day its counterpart starts counting. A village one of whose teams stays (left
// for a person, or its move refused) is not retired: it still has someone serving it.
import { executeCommandsIn, type CommandOutcome, type Tx } from '@nhip/event-sourcing';
import { villageAggregate } from '../../villages/village.aggregate.ts';
import { villagesStream } from '../../villages/village.ts';
import type { ServedUnit, TeamEvent } from '../team.ts';
import { placeOf, unitPlaceOf, type CarryOverPlan, type PlannedVillage } from './carry-over.plan.ts';

export interface Taken {
  /** The units the former villages go to, by their place ('' for the commune). */
  readonly units: ReadonlyMap<string, ServedUnit>;
  readonly moved: ReadonlyMap<string, CommandOutcome<TeamEvent>>;
}

export interface Written {
  readonly commandId: string;
  readonly metadata: { correlationId: string; occurredAt: string; actor?: string | undefined };
  readonly reason: string;
}

export async function retireTakenOver(
  tx: Tx,
  plan: CarryOverPlan,
  { units, moved }: Taken,
  { commandId, metadata, reason }: Written,
): Promise<void> {
  const served = plan.teams.filter(
    (t) => t.action === 'left' || moved.get(t.team.teamId)?.status === 'refused',
  );
  const stillServed = new Set(served.map((t) => unitPlaceOf(t.team)));
  const taken = plan.villages.flatMap((v) => {
    // A village carried before is retired already.
    const done = v.action === 'left' || v.action === 'carried' || stillServed.has(placeOf(v.from));
    const to = done ? undefined : units.get(placeOf(v.from));
    return to ? [{ village: v, carriedTo: { treeVersion: to.treeVersion, code: to.code } }] : [];
  });
  const byCommune = Map.groupBy(taken, ({ village }) =>
    placeOf({ ...village.from, code: village.from.communeCode }),
  );
  const outcomes = await executeCommandsIn(
    tx,
    villageAggregate,
    [...byCommune].map(([place, group]) => {
      const { treeVersion, communeCode } = (group[0]?.village as PlannedVillage).from;
      return {
        commandId: `${commandId}/retire/${place}`,
        streamId: villagesStream(treeVersion, communeCode),
        command: {
          type: 'RetireVillages' as const,
          treeVersion,
          communeCode,
          villages: group.map(({ village, carriedTo }) => ({ code: village.from.code, carriedTo, reason })),
        },
        metadata,
      };
    }),
  );
  // Only a village that is not on its commune's stream: the plan read it there a moment ago.
  const refused = outcomes.find((o) => o.status === 'refused');
  if (refused?.status === 'refused') throw refused.violation;
}
