import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DataSource } from 'typeorm';
import { openTestDataSource } from '../setup/test-context';

/**
 * Every database function has one current text: a .sql file under its feature (libs/<feature>/src/sql/
 * <function-name>.sql), installed by a migration that carries a frozen copy (docs/DESIGN.md, "Database
 * functions"). The migrated database must run exactly the files' text: an edited file without its
 * migration, or a migration without its file, fails here.
 */
const LIBS = join(__dirname, '../../libs');

/** Function name → its file, from every libs/<feature>/src/sql/*.sql. */
function functionFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const lib of readdirSync(LIBS)) {
    const dir = join(LIBS, lib, 'src', 'sql');
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith('.sql'));
    } catch {
      continue;
    }
    for (const n of names) files.set(basename(n, '.sql').replace(/-/g, '_'), join(dir, n));
  }
  return files;
}

describe('database functions', () => {
  let ds: DataSource;
  let close: (() => Promise<void>) | undefined;

  beforeAll(async () => {
    ({ ds, close } = await openTestDataSource());
  });
  afterAll(async () => {
    await close?.();
  });

  const files = functionFiles();

  it('each function the migrations create has one file, and each file one function', async () => {
    const rows: { name: string }[] = await ds.query(
      `SELECT proname::text AS name FROM pg_proc p WHERE pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT FROM pg_depend d
             WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       ORDER BY 1`,
    );
    expect(rows.map((r) => r.name)).toEqual([...files.keys()].sort());
  });

  it.each([...files.entries()])('%s runs exactly the text of its file', async (name, path) => {
    // The file's text created in a scratch schema, then both definitions as PostgreSQL gives them back
    // (its own layout of the header, the body verbatim), read under the same search path.
    const runner = ds.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`CREATE SCHEMA fn_file`);
      await runner.query(`SET LOCAL search_path = fn_file, public`);
      await runner.query(readFileSync(path, 'utf8'));
      await runner.query(`SET LOCAL search_path = public`);
      const definition = async (schema: string): Promise<string> => {
        const found: { def: string }[] = await runner.query(
          `SELECT pg_get_functiondef(p.oid) AS def FROM pg_proc p
           WHERE p.proname = $1 AND p.pronamespace = $2::regnamespace`,
          [name, schema],
        );
        expect(found).toHaveLength(1);
        return found[0].def;
      };
      const fromFile = (await definition('fn_file')).replace(`FUNCTION fn_file.${name}(`, `FUNCTION public.${name}(`);
      expect(await definition('public')).toBe(fromFile);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
