/**
 * The one way repositories run hand-written SQL (docs/where-rules-live.md). TypeORM's
 * `query()` hands back `any`; these helpers make every call name the row type its SQL's column aliases
 * produce, so no untyped row leaves a repository. Where a column needs converting (a bigint or numeric
 * PostgreSQL sends as text, a count), pass a mapper: the conversion sits beside the SQL that needs it.
 */

/** Anything that runs SQL: a DataSource, an EntityManager (inside a transaction) or a QueryRunner. */
export interface Queryable {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- TypeORM's own signature; typed here
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * The rows of a statement that returns rows: SELECT, INSERT … RETURNING, WITH … SELECT. (For UPDATE or
 * DELETE … RETURNING use `changedRows`: the Postgres driver answers those with `[rows, count]`.)
 */
export async function selectRows<Row>(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<Row[]> {
  return (await db.query(sql, [...params])) as Row[];
}

/** The same, each row converted by `map` (e.g. text to number) before it leaves the repository. */
export async function mapRows<Row, Out>(
  db: Queryable,
  sql: string,
  params: readonly unknown[],
  map: (row: Row) => Out,
): Promise<Out[]> {
  return (await selectRows<Row>(db, sql, params)).map(map);
}

/** The first row, or undefined when there is none. */
export async function selectOne<Row>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<Row | undefined> {
  return (await selectRows<Row>(db, sql, params))[0];
}

/** Whether the statement returns any row (`SELECT 1 … WHERE …`, a lock that finds its row). */
export async function exists(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<boolean> {
  return (await selectRows<unknown>(db, sql, params)).length > 0;
}

/** The rows an UPDATE or DELETE … RETURNING changed, and how many rows it changed. */
export async function changedRows<Row>(
  db: Queryable,
  sql: string,
  params: readonly unknown[] = [],
): Promise<{ rows: Row[]; count: number }> {
  const [rows, count] = (await db.query(sql, [...params])) as [Row[], number];
  return { rows, count };
}

/** A statement run for its effect (INSERT, UPDATE, DELETE, a lock, SET LOCAL): nothing comes back. */
export async function execute(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<void> {
  await db.query(sql, [...params]);
}

/**
 * The number a `SELECT count(*) … AS n` answers. PostgreSQL's count is a bigint, which the driver sends as
 * text unless the SQL casts it (`::int`); either way a number leaves the repository.
 */
export async function selectCount(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  const row = await selectOne<{ n: number | string }>(db, sql, params);
  return Number(row?.n ?? 0);
}
