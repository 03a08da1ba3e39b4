import { Queryable, selectOne } from './sql';

/**
 * The number a `SELECT count(*) … AS n` answers. PostgreSQL's count is a bigint, which the driver sends as
 * text unless the SQL casts it (`::int`); either way a number leaves the repository.
 */
export async function selectCount(db: Queryable, sql: string, params: readonly unknown[] = []): Promise<number> {
  const row = await selectOne<{ n: number | string }>(db, sql, params);
  return Number(row?.n ?? 0);
}
