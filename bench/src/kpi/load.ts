// Loads the KPI service's database the way the bench needs it, fast: generate_series in SQL, in
// chunks so long steps show progress. The unit tree and its targets, the raw activity rows the
// peers read (`bench_activities`, commune code, kind, residents helped, day), and our ledger (two
// deltas per activity, as the consumer writes them: residents_helped.<kind> and activities.<kind>,
// on the commune's path). The live rollup cells are then computed from the activities (not from
// the ledger), standing in for the consumer's incremental upserts: the rebuild, which reads the
// ledger, must arrive at the same cells or it refuses to switch.
import type pg from 'pg';
import { communesOf, kinds, treeVersion, year, type Shape } from './shape.ts';

type Db = pg.ClientBase;
const log = (line: string) => process.stderr.write(`${line}\n`);

/** `abs(hash(i + salt)) mod n`: spreads activity i over n buckets, the same on every run. */
const spread = (salt: number, n: number) => `mod(hashint8(i + ${salt})::bigint + 2147483648, ${n})`;

async function loadTree(db: Db, s: Shape): Promise<void> {
  const d = s.districtsPerProvince;
  const k = s.communesPerDistrict;
  await db.query(`INSERT INTO kpi_unit_trees VALUES ($1, '2000-01-01')`, [treeVersion]);
  await db.query(
    `INSERT INTO kpi_units (tree_version, code, name, level, parent_code, origin, path)
     SELECT $1, (10 + p)::text, 'Tỉnh ' || p, 1, NULL, 'bench', ARRAY[(10 + p)::text]
       FROM generate_series(0, ${s.provinces - 1}) p
     UNION ALL
     SELECT $1, (100 + i)::text, 'Huyện ' || i, 2, (10 + i / ${d})::text, 'bench',
            ARRAY[(10 + i / ${d})::text, (100 + i)::text]
       FROM generate_series(0, ${s.provinces * d - 1}) i
     UNION ALL
     SELECT $1, (10000 + i)::text, 'Xã ' || i, 3, (100 + i / ${k})::text, 'bench',
            ARRAY[(10 + i / ${d * k})::text, (100 + i / ${k})::text, (10000 + i)::text]
       FROM generate_series(0, ${communesOf(s) - 1}) i`,
    [treeVersion],
  );
}

// What a year's assignment leaves for the two indicators measured against a target: each province's
// from the ministry and each commune's from its province, for the bench's year and the one before.
// The districts between have none and read the sum of their communes' (the nearest rule, ADR 0056),
// so every drill-down reads targets the way a deployment's does: ~42,000 rows at scale 1. The
// table's trigger lists each under the units of its path (kpi_target_reach), as for any assignment.
const targetMetrics = ['residents_helped.vneid_activation', 'residents_helped.public_service_account'];

async function loadTargets(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO kpi_targets (unit_code, metric, period, unit_path, value, assigned_by, assigned_at)
     SELECT u.code, m.metric, y.period, u.path, 500 + mod(abs(hashtext(u.code || m.metric || y.period)), 1000),
            CASE WHEN u.level = 1 THEN 'VN' ELSE u.path[1] END, $4::timestamptz
       FROM kpi_units u CROSS JOIN unnest($2::text[]) AS m(metric) CROSS JOIN unnest($3::text[]) AS y(period)
      WHERE u.tree_version = $1 AND u.level IN (1, 3)`,
    [treeVersion, targetMetrics, [String(Number(year) - 1), year], `${year}-01-15T00:00:00Z`],
  );
  await db.query('ANALYZE kpi_targets');
  await db.query('ANALYZE kpi_target_reach');
}

async function inChunks(
  label: string,
  total: number,
  run: (from: number, to: number) => Promise<unknown>,
): Promise<void> {
  const chunk = 1_000_000;
  const start = performance.now();
  for (let from = 0; from < total; from += chunk) {
    const to = Math.min(total, from + chunk) - 1;
    await run(from, to);
    const seconds = (performance.now() - start) / 1000;
    log(
      `    ${label}: ${((to + 1) / 1e6).toFixed(1)} of ${(total / 1e6).toFixed(1)} M rows, ${seconds.toFixed(0)} s`,
    );
  }
}

async function loadActivities(db: Db, s: Shape): Promise<void> {
  await db.query(
    `CREATE UNLOGGED TABLE bench_activities (
       id bigint NOT NULL, commune_code text NOT NULL, kind text NOT NULL, residents int NOT NULL, day date NOT NULL)`,
  );
  await inChunks('activities', s.activities, (from, to) =>
    db.query(
      `INSERT INTO bench_activities
       SELECT i, (10000 + ${spread(0, communesOf(s))})::text, ($1::text[])[1 + ${spread(7, kinds.length)}],
              1 + ${spread(13, 6)}, '${year}-01-01'::date + ${spread(29, 365)}::int
         FROM generate_series($2::bigint, $3::bigint) i`,
      [kinds, from, to],
    ),
  );
  // What a user would index for this query: the place and the day.
  await db.query('CREATE INDEX bench_activities_place ON bench_activities (commune_code, day)');
  await db.query('ANALYZE bench_activities');
}

async function loadLedger(db: Db, s: Shape): Promise<void> {
  // The GIN index serves explain and knownAt, which the bench does not measure; kept, it would
  // take longer to build than everything else.
  await db.query('DROP INDEX IF EXISTS kpi_deltas_units');
  // Keys after the rows, in one sort each, not kept in order row by row (the end state is the same).
  await db.query('ALTER TABLE kpi_deltas DROP CONSTRAINT kpi_deltas_pkey');
  // Each chunk finds its activities by id range; without an index every chunk scanned all the raw
  // rows (10 M ten times at full scale). Dropped after: the peers' table keeps only its own index.
  await db.query('CREATE INDEX bench_activities_id ON bench_activities (id)');
  await inChunks('ledger (2 deltas per activity)', s.activities, (from, to) =>
    db.query(
      // The source as the service stores it: 'activity/' and a UUID's 36 characters.
      `INSERT INTO kpi_deltas (units, metric, day, delta, source_event_id, source, recorded_at)
       SELECT c.path, m.metric, a.day, m.delta, 'bench-' || a.id || m.suffix,
              'activity/00000000-0000-7000-8000-' || lpad(a.id::text, 12, '0'), a.day + time '09:00'
         FROM bench_activities a
         JOIN kpi_units c ON c.tree_version = $1 AND c.code = a.commune_code
        CROSS JOIN LATERAL (VALUES ('residents_helped.' || a.kind, a.residents::bigint, '/r'),
                                   ('activities.' || a.kind, 1::bigint, '/a')) AS m(metric, delta, suffix)
        WHERE a.id BETWEEN $2 AND $3`,
      [treeVersion, from, to],
    ),
  );
  await db.query('DROP INDEX bench_activities_id');
  await db.query('ALTER TABLE kpi_deltas ADD CONSTRAINT kpi_deltas_pkey PRIMARY KEY (id)');
  await db.query('ANALYZE kpi_deltas');
}

// Level by level, each from the one below (communes from the activities, districts from the
// communes, provinces from the districts; months from days, quarters and years from months), so
// no aggregation sees more rows than the level below it has: at 10 M activities the one-pass
// unnest over every path took most of the load.
const liveCellsSql = `
  WITH communes AS MATERIALIZED (
    SELECT commune_code AS unit, kind, day, count(*)::bigint AS n, sum(residents)::bigint AS r
      FROM bench_activities GROUP BY commune_code, kind, day),
  districts AS MATERIALIZED (
    SELECT c.parent_code AS unit, x.kind, x.day, sum(x.n)::bigint AS n, sum(x.r)::bigint AS r
      FROM communes x JOIN kpi_units c ON c.tree_version = $1 AND c.code = x.unit
     GROUP BY c.parent_code, x.kind, x.day),
  provinces AS MATERIALIZED (
    SELECT d.parent_code AS unit, x.kind, x.day, sum(x.n)::bigint AS n, sum(x.r)::bigint AS r
      FROM districts x JOIN kpi_units d ON d.tree_version = $1 AND d.code = x.unit
     GROUP BY d.parent_code, x.kind, x.day),
  days AS MATERIALIZED (
    SELECT * FROM communes UNION ALL SELECT * FROM districts UNION ALL SELECT * FROM provinces),
  months AS MATERIALIZED (
    SELECT unit, kind, date_trunc('month', day)::date AS month, sum(n)::bigint AS n, sum(r)::bigint AS r
      FROM days GROUP BY unit, kind, date_trunc('month', day)::date),
  cells AS (
    SELECT unit, kind, to_char(day, 'YYYY-MM-DD') AS period, 'day' AS period_kind, n, r FROM days
    UNION ALL SELECT unit, kind, to_char(month, 'YYYY-MM'), 'month', n, r FROM months
    UNION ALL SELECT unit, kind, to_char(min(month), 'YYYY') || '-Q' || extract(quarter FROM min(month)),
                     'quarter', sum(n), sum(r)
      FROM months GROUP BY unit, kind, date_trunc('quarter', month)
    UNION ALL SELECT unit, kind, to_char(min(month), 'YYYY'), 'year', sum(n), sum(r)
      FROM months GROUP BY unit, kind, date_trunc('year', month))
  INSERT INTO kpi_rollups (unit_code, metric, period, period_kind, value)
  SELECT c.unit, m.metric, c.period, c.period_kind, m.value
    FROM cells c CROSS JOIN LATERAL (VALUES ('residents_helped.' || c.kind, c.r), ('activities.' || c.kind, c.n))
         AS m(metric, value)`;

async function timed(label: string, run: () => Promise<unknown>): Promise<void> {
  const start = performance.now();
  log(`  ${label}…`);
  await run();
  log(`  ${label}: ${((performance.now() - start) / 1000).toFixed(1)} s`);
}

/** On one connection: the bench's own settings for a bulk load (no wait for each commit's flush). */
export async function loadCountry(pool: pg.Pool, s: Shape): Promise<void> {
  const db = await pool.connect();
  try {
    await db.query(`SET synchronous_commit = off`);
    await db.query(`SET work_mem = '256MB'`);
    // Keys built after the rows sort in memory where they fit.
    await db.query(`SET maintenance_work_mem = '512MB'`);
    await load(db, s);
  } finally {
    db.release();
  }
}

async function load(db: Db, s: Shape): Promise<void> {
  await timed(`unit tree (${communesOf(s).toLocaleString('en')} communes)`, () => loadTree(db, s));
  await timed('targets of the provinces and communes, two years', () => loadTargets(db));
  await timed(`${s.activities.toLocaleString('en')} raw activity rows`, () => loadActivities(db, s));
  await timed(`${(2 * s.activities).toLocaleString('en')} ledger rows`, () => loadLedger(db, s));
  await timed('live rollup cells, from the activities', async () => {
    await db.query('ALTER TABLE kpi_rollups DROP CONSTRAINT kpi_rollups_pkey');
    await db.query(liveCellsSql, [treeVersion]);
    await db.query(
      'ALTER TABLE kpi_rollups ADD CONSTRAINT kpi_rollups_pkey PRIMARY KEY (unit_code, period, metric) INCLUDE (value)',
    );
    await db.query('ANALYZE kpi_rollups');
  });
}
