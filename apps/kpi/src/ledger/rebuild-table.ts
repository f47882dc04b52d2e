// The fresh table a rebuild writes, made from the live table's own definition (ADR 0038): its
// columns (LIKE), and after the rows its key and every other index the live table has, read from
// the catalog, so a change to kpi_rollups' key or indexes needs no change here. The switch renames
// the fresh table and its indexes to the live names in the rebuild's transaction.
import type { Tx } from '@nhip/event-sourcing';
import type { SecondColumn } from './cell-order.ts';

// Everything the live table has (defaults, checks, statistics, comments) but its indexes, which
// are made after the rows.
export const createNextSql =
  'CREATE TABLE kpi_rollups_next (LIKE kpi_rollups INCLUDING ALL EXCLUDING INDEXES)';

// Every name is as the catalog quotes it (quote_ident), so an upper-case or odd index name is
// remade and renamed as it is, never pasted into the statements raw.
interface LiveIndex {
  readonly name: string;
  readonly nextName: string;
  /** The constraint it backs (the key), or null for a plain index. */
  readonly constraint: string | null;
  readonly nextConstraint: string | null;
  /** The constraint's definition (`PRIMARY KEY (…)`), or the plain index's CREATE INDEX. */
  readonly definition: string;
}

const liveIndexesSql = `
  SELECT quote_ident(i.relname) AS name, quote_ident(i.relname || '_next') AS "nextName",
         quote_ident(c.conname) AS constraint, quote_ident(c.conname || '_next') AS "nextConstraint",
         CASE WHEN c.oid IS NULL THEN pg_get_indexdef(x.indexrelid) ELSE pg_get_constraintdef(c.oid) END
           AS definition
    FROM pg_index x
    JOIN pg_class i ON i.oid = x.indexrelid
    LEFT JOIN pg_constraint c ON c.conindid = x.indexrelid AND c.conrelid = x.indrelid
   WHERE x.indrelid = 'kpi_rollups'::regclass
   ORDER BY x.indisprimary DESC, i.relname`;

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
  if (index.nextConstraint !== null) {
    return `ALTER TABLE kpi_rollups_next ADD CONSTRAINT ${index.nextConstraint} ${index.definition}`;
  }
  const head = /^CREATE (UNIQUE )?INDEX /.exec(index.definition)?.[0];
  const onLive = / ON ((?:\S+\.)?)kpi_rollups USING /;
  const rest = head === undefined ? '' : index.definition.slice(head.length);
  if (head === undefined || !rest.startsWith(`${index.name} `) || !onLive.test(rest)) {
    throw new Error(`Cannot remake the index ${index.definition}`);
  }
  const body = rest.slice(index.name.length).replace(onLive, ' ON $1kpi_rollups_next USING ');
  return `${head}${index.nextName}${body}`;
}

/** The live table replaced by the fresh one, its indexes taking the live names. */
export function switchSql(indexes: readonly LiveIndex[]): string[] {
  return [
    'ALTER TABLE kpi_rollups RENAME TO kpi_rollups_replaced',
    'ALTER TABLE kpi_rollups_next RENAME TO kpi_rollups',
    'DROP TABLE kpi_rollups_replaced',
    ...indexes.map((index) =>
      index.constraint === null || index.nextConstraint === null
        ? `ALTER INDEX ${index.nextName} RENAME TO ${index.name}`
        : `ALTER TABLE kpi_rollups RENAME CONSTRAINT ${index.nextConstraint} TO ${index.constraint}`,
    ),
  ];
}
