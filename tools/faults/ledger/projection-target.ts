// The projection as a ledger target (issue 14): it publishes nothing and handles no command, so its
// check (d) is against the service it follows. Every value it holds must be the KPI service's latest
// published value for that unit, indicator and period (nothing lost, nothing stale, nothing extra),
// and its change log must carry each value once: no revision logged twice, and each value's latest
// change the value itself (a stream replaying the log misses none). Sequence numbers a rolled-back
// transaction took are holes, not gaps: ids only have to grow, and the primary key makes them unique.
import { publicTopics } from '@nhip/contracts';
import type { TableComparison } from '@nhip/event-sourcing';
import pg from 'pg';
import { databaseUrl, type PlatformDatabases } from './service-targets.ts';
import type { LedgerTarget } from './target.ts';

const keySql = `unit_code || '|' || indicator_id || '|' || period`;
// jsonb's text is canonical (key order, spacing), so equal values compare equal as text.
const valuesSql = `SELECT ${keySql} || '=' || (data - 'revision' - 'position')::text AS r FROM projection_values`;
const publishedSql = `SELECT ${keySql} || '=' || figures::jsonb::text AS r FROM kpi_published`;

const changeLogSql = `
  WITH changes AS (
    SELECT seq, unit_code, period, data->>'indicatorId' AS indicator_id, data->>'revision' AS revision
      FROM projection_changes
  ), latest AS (
    SELECT DISTINCT ON (unit_code, period, indicator_id) unit_code, period, indicator_id, revision
      FROM changes ORDER BY unit_code, period, indicator_id, seq DESC
  )
  SELECT (SELECT count(*) FROM changes)::int AS rows,
         (SELECT count(*) - count(DISTINCT (unit_code, period, indicator_id, revision)) FROM changes)::int
           AS duplicates,
         (SELECT count(*) FROM projection_values v LEFT JOIN latest l USING (unit_code, period, indicator_id)
           WHERE l.revision IS DISTINCT FROM v.revision::text)::int AS "notLogged",
         (SELECT count(*) FROM projection_values)::int AS "values"`;

async function rowsOf(url: string, sql: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ r: string }>(sql)).rows.map((row) => row.r);
  } finally {
    await client.end();
  }
}

function setComparison(table: string, live: readonly string[], expected: readonly string[]): TableComparison {
  const [have, want] = [new Set(live), new Set(expected)];
  return {
    table,
    liveRows: live.length,
    rebuiltRows: expected.length,
    missing: expected.filter((r) => !have.has(r)).length,
    extra: live.filter((r) => !want.has(r)).length + (live.length - have.size),
  };
}

async function changeLog(url: string): Promise<TableComparison> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{
      rows: number;
      duplicates: number;
      notLogged: number;
      values: number;
    }>(changeLogSql);
    const log = rows[0] ?? { rows: 0, duplicates: 0, notLogged: 0, values: 0 };
    return {
      table: 'projection_changes',
      liveRows: log.rows,
      rebuiltRows: log.values,
      missing: log.notLogged,
      extra: log.duplicates,
    };
  } finally {
    await client.end();
  }
}

export function projectionTarget(dbs: PlatformDatabases, topicPrefix: string): LedgerTarget {
  const url = (db: string) => databaseUrl(dbs.adminUrl, db);
  const projection = dbs.projection ?? 'projection';
  // The registry's units only: the projection does not follow the team topic (ADR 0061 addendum).
  const consumed = [publicTopics.kpiIndicator, publicTopics.registryUnit];
  return {
    service: 'projection',
    databaseUrl: url(projection),
    publishedTopics: [],
    consumerGroups: [
      { group: `${topicPrefix}projection.inputs`, topics: consumed.map((t) => `${topicPrefix}${t}`) },
    ],
    // No commands: every value is the KPI service's.
    streamOf: (id) => `projection-${id}`,
    compareReadModels: async () => {
      const [values, published] = await Promise.all([
        rowsOf(url(projection), valuesSql),
        rowsOf(url(dbs.kpi), publishedSql),
      ]);
      return [setComparison('projection_values', values, published), await changeLog(url(projection))];
    },
  };
}
