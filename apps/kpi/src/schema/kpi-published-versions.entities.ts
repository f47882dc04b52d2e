// Which formula version every published value of an indicator was computed with (ADR 0063).
import { EntitySchema } from 'typeorm';

export const KpiPublishedVersion = new EntitySchema<{
  indicatorId: string;
  version: number;
  pendingPass: string | null;
}>({
  name: 'KpiPublishedVersion',
  tableName: 'kpi_published_versions',
  columns: {
    indicatorId: { type: 'text', primary: true },
    version: { type: 'integer' },
    // The pass publishing the values again, until it ends; null once settled.
    pendingPass: { type: 'uuid', nullable: true },
  },
});
