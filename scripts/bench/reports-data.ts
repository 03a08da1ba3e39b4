import { Client } from 'pg';
import { AppConfig, loadConfig } from '@app/config';
import { createDatabaseIfMissing, runMigrations } from '@app/database';
import { connect } from './bench-support';

/**
 * Synthetic England-scale history for `bench:reports`, generated inside PostgreSQL (generate_series, one
 * INSERT per table) so ten times England takes minutes, not hours. Deterministic: every "random" choice
 * is a hash of the row's numbers, so two runs build the same data.
 *
 * Per practice and service: one status event a month for five years (2010-01 … 2014-12) from the
 * practice's opening, following an adoption curve (not capable → capable → enabled) with a little noise,
 * and about 1% back-dated corrections recorded months later. Quarterly list sizes; 0.5% of practices
 * have none. 5% open during the period, about 4% (of the others) close during it.
 */
export const BENCH_FROM = '2010-01-01';
export const BENCH_MONTHS = 60;
/** Bump when the generated data changes, so stale bench databases are rebuilt. */
const GENERATOR_VERSION = 'reports-bench v1';

export interface BenchScale {
  database: string;
  practices: number;
  ccgs: number;
}

export const ENGLAND: BenchScale = { database: 'pot_bench_england', practices: 7_800, ccgs: 211 };
export const TEN_TIMES: BenchScale = { database: 'pot_bench_x10', practices: 78_000, ccgs: 2_110 };

const marker = (scale: BenchScale) => `${GENERATOR_VERSION} ${scale.practices} practices`;

/**
 * The bench database for a scale, migrated. Generated only when missing, incomplete (no completion
 * marker: an interrupted run) or when `regenerate` is set; otherwise reused as it is.
 */
export async function benchDatabase(
  scale: BenchScale,
  regenerate: boolean,
  log: (line: string) => void,
): Promise<AppConfig> {
  const config = Object.assign(loadConfig(), { DB_NAME: scale.database });
  const admin = await connect(config, 'postgres');
  try {
    const { rows } = await admin.query<{ marker: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS marker FROM pg_database WHERE datname = $1`,
      [scale.database],
    );
    if (rows.length && rows[0].marker === marker(scale) && !regenerate) {
      await runMigrations(config); // a newer migration (another feature's) still applies to a kept database
      log(`${scale.database}: reusing the generated data (--regenerate to rebuild)`);
      return config;
    }
    await admin.query(`DROP DATABASE IF EXISTS "${scale.database}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
  await createDatabaseIfMissing(config);
  await runMigrations(config);
  const db = await connect(config);
  try {
    await generate(db, scale, log);
    await db.query(`COMMENT ON DATABASE "${scale.database}" IS '${marker(scale)}'`);
  } finally {
    await db.end();
  }
  return config;
}

async function step(
  db: Client,
  log: (line: string) => void,
  what: string,
  sql: string,
  params: unknown[] = [],
): Promise<void> {
  const started = Date.now();
  const res = await db.query(sql, params);
  log(`  ${what}: ${res.rowCount ?? 0} rows in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function generate(db: Client, scale: BenchScale, log: (line: string) => void): Promise<void> {
  log(
    `${scale.database}: generating ${scale.practices} practices, ${scale.ccgs} CCGs, ${BENCH_MONTHS} months of history`,
  );
  // Bulk loads are much faster into tables without secondary indexes: keep their exact definitions
  // (whatever the migrations made), drop them, load, and build them again at the end.
  const { rows: indexes } = await db.query<{ name: string; definition: string }>(
    `SELECT i.indexrelid::regclass::text AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid
     WHERE i.indrelid IN ('status_event'::regclass, 'status_span'::regclass, 'list_size'::regclass) AND c.oid IS NULL`,
  );
  for (const ix of indexes) await db.query(`DROP INDEX ${ix.name}`);
  // h(a, b) in [0, n): a cheap deterministic hash standing in for random().
  await db.query(`CREATE FUNCTION pg_temp.h(a bigint, b bigint, n bigint) RETURNS bigint IMMUTABLE LANGUAGE sql
                  AS $$ SELECT (hashint8(a * 1000003 + b) & 2147483647) % n $$`);
  // A 3-character CCG code from a number (base 36), as ODS codes are.
  await db.query(`CREATE FUNCTION pg_temp.b36(i int) RETURNS text IMMUTABLE LANGUAGE sql AS $$
                    SELECT substr(d, i / 1296 % 36 + 1, 1) || substr(d, i / 36 % 36 + 1, 1) || substr(d, i % 36 + 1, 1)
                    FROM (SELECT '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'::text AS d) c $$`);

  await step(
    db,
    log,
    'regions',
    `INSERT INTO region (code, name) VALUES
    ('Y54', 'North of England'), ('Y55', 'Midlands and East of England'), ('Y56', 'London'),
      ('Y57', 'South of England')`,
  );
  await step(
    db,
    log,
    'CCGs',
    `INSERT INTO ccg (code, name, region_code)
    SELECT pg_temp.b36(i), 'NHS Bench CCG ' || i, (ARRAY['Y54', 'Y55', 'Y56', 'Y57'])[1 + i % 4]
    FROM generate_series(0, $1 - 1) i`,
    [scale.ccgs],
  );
  await step(
    db,
    log,
    'practices',
    `INSERT INTO practice (code, name, ccg_code, clinical_system, opened_on, closed_on)
    SELECT chr(65 + i / 100000) || lpad((i % 100000)::text, 5, '0'), 'Bench Practice ' || i, pg_temp.b36(i % $2),
           (ARRAY['EMIS', 'EMIS', 'EMIS', 'EMIS', 'EMIS', 'TPP', 'TPP', 'TPP', 'INPS', 'MICROTEST', 'OTHER', 'UNKNOWN'])
             [1 + pg_temp.h(i, 1, 12)]::clinical_system,
           CASE WHEN pg_temp.h(i, 2, 20) = 0 THEN DATE '2010-01-01' + pg_temp.h(i, 3, 1700)::int
                WHEN pg_temp.h(i, 4, 10) = 0 THEN NULL
                ELSE DATE '1960-01-01' + pg_temp.h(i, 5, 18000)::int END,
           CASE WHEN pg_temp.h(i, 6, 25) = 0 AND pg_temp.h(i, 2, 20) <> 0
                THEN DATE '2012-06-01' + pg_temp.h(i, 7, 900)::int END
    FROM generate_series(1, $1) i`,
    [scale.practices, scale.ccgs],
  );

  // One event per month per service while the practice is open; the level follows the practice's own
  // adoption months (capable from month c, enabled from month e ≥ c), with 3% noise.
  await step(
    db,
    log,
    'status events',
    `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_at, source)
    SELECT p.id, s.service, lvl.level, e.day,
      e.day + make_interval(days => pg_temp.h(p.id, m * 7 + s.n, 40)::int, secs => pg_temp.h(p.id, m, 86400)), 'import'
    FROM practice p
    CROSS JOIN (VALUES (1, 'appointments'::service), (2, 'prescriptions'::service), (3, 'records'::service))
      s(n, service)
    CROSS JOIN generate_series(0, $1 - 1) m
    CROSS JOIN LATERAL (SELECT (DATE '2010-01-01' + make_interval(months => m))::date
                               + pg_temp.h(p.id * 3 + s.n, m, 28)::int AS day) e
    CROSS JOIN LATERAL (SELECT pg_temp.h(p.id, s.n, CASE s.n WHEN 3 THEN 90 ELSE 50 END) AS c) ac
    CROSS JOIN LATERAL (SELECT ac.c + 3 + pg_temp.h(p.id, s.n + 10, CASE s.n WHEN 3 THEN 120 ELSE 30 END) AS e) ae
    CROSS JOIN LATERAL (SELECT CASE WHEN pg_temp.h(p.id * 3 + s.n, m + 100, 100) < 3
                                   THEN (ARRAY['not_capable', 'capable', 'enabled'])[1 + pg_temp.h(p.id, m + 200, 3)]
                                   WHEN m >= ae.e THEN 'enabled' WHEN m >= ac.c THEN 'capable' ELSE 'not_capable'
                               END::service_level AS level) lvl
    WHERE (p.opened_on IS NULL OR e.day >= p.opened_on) AND (p.closed_on IS NULL OR e.day < p.closed_on)
    ORDER BY p.id, s.service, e.day`,
    [BENCH_MONTHS],
  );
  await step(
    db,
    log,
    'back-dated corrections',
    `INSERT INTO status_event (practice_id, service, level, effective_date, recorded_at, source, note)
    SELECT practice_id, service, (ARRAY['not_capable', 'capable', 'enabled'])[1 + pg_temp.h(id, 1, 3)]::service_level,
           effective_date, recorded_at + interval '120 days', 'manual', 'bench correction'
    FROM status_event WHERE pg_temp.h(id, 0, 100) = 0`,
  );

  await step(
    db,
    log,
    'list sizes',
    `INSERT INTO list_size (practice_id, effective_date, patients, source)
    SELECT p.id, d.day, (1500 + pg_temp.h(p.id, 8, 12000)) * (100 + q) / 100 + pg_temp.h(p.id, q, 200), 'import'
    FROM practice p
    CROSS JOIN generate_series(0, $1 / 3 - 1) q
    CROSS JOIN LATERAL (SELECT (DATE '2010-01-01' + make_interval(months => 3 * q))::date AS day) d
    WHERE pg_temp.h(p.id, 9, 200) <> 0 AND (p.opened_on IS NULL OR d.day >= p.opened_on)`,
    [BENCH_MONTHS],
  );
  await step(
    db,
    log,
    'list size valid_to',
    `UPDATE list_size l SET valid_to = n.next_date
    FROM (SELECT id, lead(effective_date) OVER (PARTITION BY practice_id ORDER BY effective_date) AS next_date
        FROM list_size) n
    WHERE l.id = n.id AND n.next_date IS NOT NULL`,
  );

  // Spans in one statement, with the same as-of rule as StatusRepository.rebuild (per effective date the
  // latest recorded, then highest id wins; each span lasts until the next effective date).
  await step(
    db,
    log,
    'status spans',
    `INSERT INTO status_span (practice_id, service, valid_from, valid_to, level, event_id)
    SELECT practice_id, service, effective_date,
           lead(effective_date) OVER (PARTITION BY practice_id, service ORDER BY effective_date), level, id
    FROM (SELECT DISTINCT ON (practice_id, service, effective_date) practice_id, service, effective_date, level, id
          FROM status_event ORDER BY practice_id, service, effective_date, recorded_at DESC, id DESC) winners`,
  );
  for (const ix of indexes) await step(db, log, `index ${ix.name}`, ix.definition);
  const started = Date.now();
  await db.query('VACUUM (ANALYZE) practice, ccg, region, list_size, status_event, status_span');
  log(`  vacuum analyze: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
