// The fresh table a rebuild writes, made from the live table's own definition (ADR 0038): its
// columns (LIKE), and after the rows its key and every other index the live table has, read from
// the catalog, so a change to kpi_rollups' key or indexes needs no change here. The switch renames
// the fresh table and its indexes to the live names in the rebuild's transaction.
import type { Tx } from '@nhip/event-sourcing';
import type { SecondColumn } from './cell-order.ts';

export const createNextSql = 'CREATE TABLE kpi_rollups_next (LIKE kpi_rollups INCLUDING DEFAULTS)';

interface LiveIndex {
  readonly name: string;
  readonly definition: string;
  /** The constraint it backs (the key), or null for a plain index. */
  readonly constraint: string | null;
}

const liveIndexesSql = `
  SELECT i.relname AS name, c.conname AS constraint,
         coalesce('CONSTRAINT ' || quote_ident(c.conname || '_next') || ' ' || pg_get_constraintdef(c.oid),
                  pg_get_indexdef(x.indexrelid)) AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
   WHERE x.indrelid = 'kpi_rollups'::regclass
   ORDER BY x.indisprimary DESC, i.relname`;

const next = (name: string) => `${name}_next`;

const keyColumnsSql = `
  SELECT a.attname AS name
    FROM pg_index x
   CROSS JOIN unnest(x.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum
   WHERE x.indrelid = 'kpi_rollups'::regclass AND x.indisprimary
   ORDER BY k.ord`;

/** Which of metric and period the live key names right after the unit (metric when it names neither). */
export async function keySecondColumn(tx: Tx): Promise<SecondColumn> {
  const { rows } = await tx.query<{ name: string }>(keyColumnsSql);
  return rows[1]?.name === 'period' ? 'period' : 'metric';
}

export async function liveIndexes(tx: Tx): Promise<LiveIndex[]> {
  const { rows } = await tx.query<LiveIndex>(liveIndexesSql);
  return rows;
}

/** The statement that makes one live index on the fresh table, under its name with `_next`. */
export function indexOnNextSql(index: LiveIndex): string {
  if (index.constraint !== null) return `ALTER TABLE kpi_rollups_next ADD ${index.definition}`;
  const onLive = /^(CREATE (?:UNIQUE )?INDEX )(\S+)( ON (?:\S+\.)?kpi_rollups )/;
  if (!onLive.test(index.definition)) throw new Error(`Cannot remake the index ${index.definition}`);
  return index.definition.replace(
    onLive,
    (_all, create: string, name: string, rest: string) =>
      `${create}${next(name)}${rest.replace('kpi_rollups ', 'kpi_rollups_next ')}`,
  );
}

/** The live table replaced by the fresh one, its indexes taking the live names. */
export function switchSql(indexes: readonly LiveIndex[]): string[] {
  return [
    'ALTER TABLE kpi_rollups RENAME TO kpi_rollups_replaced',
    'ALTER TABLE kpi_rollups_next RENAME TO kpi_rollups',
    'DROP TABLE kpi_rollups_replaced',
    ...indexes.map((index) =>
      index.constraint === null
        ? `ALTER INDEX ${next(index.name)} RENAME TO ${index.name}`
        : `ALTER TABLE kpi_rollups RENAME CONSTRAINT ${next(index.constraint)} TO ${index.constraint}`,
    ),
  ];
}
