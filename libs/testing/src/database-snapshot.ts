// What a migration test compares: every row of every table, and the shape of the schema, of a
// database read through plain SQL (never through the code under test).
import type pg from 'pg';

const tablesSql = `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> ALL($1) ORDER BY 1`;

/** Each table's rows as JSON text, sorted, so two snapshots compare equal when nothing changed. */
export async function tableContents(
  pool: pg.Pool,
  except: readonly string[] = [],
): Promise<Record<string, string[]>> {
  const { rows: tables } = await pool.query<{ tablename: string }>(tablesSql, [except]);
  const contents: Record<string, string[]> = {};
  for (const { tablename } of tables) {
    const { rows } = await pool.query<{ row: string }>(
      `SELECT to_jsonb(t)::text AS row FROM "${tablename}" t ORDER BY 1`,
    );
    contents[tablename] = rows.map((r) => r.row);
  }
  return contents;
}

/** Columns (type, nullability, default), constraints and indexes of the public schema. */
export async function schemaShape(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ line: string }>(
    `SELECT format('%s.%s %s %s %s', table_name, column_name, data_type, is_nullable, column_default) AS line
       FROM information_schema.columns WHERE table_schema = 'public'
     UNION ALL
     SELECT format('%s %s %s', conrelid::regclass, conname, pg_get_constraintdef(oid))
       FROM pg_constraint WHERE connamespace = 'public'::regnamespace
     UNION ALL
     SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'
     ORDER BY 1`,
  );
  return rows.map((r) => r.line);
}
