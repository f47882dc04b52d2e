// Named groupings of arbitrary units ("a named set of units that rolls up like a unit"), defined
// through the API and kept as events in this service's own store; this is their read model.
import { EntitySchema } from 'typeorm';

export const KpiGrouping = new EntitySchema<{
  code: string;
  name: string;
  treeVersion: string;
  units: string[];
  definedBy: string;
  definedAt: Date;
}>({
  name: 'KpiGrouping',
  tableName: 'kpi_groupings',
  columns: {
    code: { type: 'text', primary: true },
    name: { type: 'text' },
    treeVersion: { type: 'text' },
    units: { type: 'text', array: true },
    definedBy: { type: 'text' },
    definedAt: { type: 'timestamptz' },
  },
});
