// Which units of the previous tree each unit was formed from (the 1 July 2025 mergers), as the
// registry publishes it: what a former district's scope and, later, its grouping are built from.
import { EntitySchema } from 'typeorm';

const textKey = { type: 'text', primary: true } as const;

export const KpiUnitLineage = new EntitySchema<{
  treeVersion: string;
  code: string;
  predecessorTreeVersion: string;
  predecessorCode: string;
  relation: string;
}>({
  name: 'KpiUnitLineage',
  tableName: 'kpi_unit_lineage',
  columns: {
    treeVersion: textKey,
    code: textKey,
    predecessorTreeVersion: textKey,
    predecessorCode: textKey,
    relation: { type: 'text' },
  },
  indices: [{ name: 'kpi_unit_lineage_successors', columns: ['predecessorTreeVersion', 'predecessorCode'] }],
});
