// Which formula version every published value of an indicator was computed with (ADR 0063).
import { EntitySchema } from 'typeorm';

export const KpiPublishedVersion = new EntitySchema<{ indicatorId: string; version: number }>({
  name: 'KpiPublishedVersion',
  tableName: 'kpi_published_versions',
  columns: {
    indicatorId: { type: 'text', primary: true },
    version: { type: 'integer' },
  },
});
