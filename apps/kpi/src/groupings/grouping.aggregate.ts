// The grouping's write path: its events in this service's store, its row in kpi_groupings in the
// same transaction. Nothing is published: a grouping's values are read, not streamed.
import type { Aggregate, Tx } from '@nhip/event-sourcing';
import { groupingDecider, type DefineGrouping, type GroupingEvent, type GroupingState } from './grouping.ts';

async function project(tx: Tx, events: readonly GroupingEvent[]): Promise<void> {
  for (const { data } of events) {
    await tx.query(
      `INSERT INTO kpi_groupings (code, name, tree_version, units, defined_by, defined_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [data.code, data.name, data.treeVersion, data.units, data.definedBy, data.definedAt],
    );
  }
}

export const groupingAggregate: Aggregate<DefineGrouping, GroupingEvent, GroupingState> = {
  decider: groupingDecider,
  toOutbox: () => [],
  project,
};
