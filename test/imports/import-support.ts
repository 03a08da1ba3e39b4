import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { CreateImportDto, ImportRunDto, ImportsService, ImportState } from '@app/imports';
import type { TestContext } from '../setup/test-context';
import { waitFor } from '../setup/wait-for';

export const FIXTURES = join(__dirname, '..', 'fixtures', 'imports');

export type ImportRequest = Pick<CreateImportDto, 'kind'> & Partial<CreateImportDto>;

export const importsOf = (ctx: TestContext) => ctx.app.get(ImportsService);

/** Creates a run for a file (as the CLI does) and processes it in this process; returns the finished run. */
export async function importPath(
  ctx: TestContext,
  path: string,
  request: ImportRequest,
  userId: number | null = null,
): Promise<ImportRunDto> {
  const imports = importsOf(ctx);
  const run = await imports.createFromPath(path, request, userId);
  await imports.process(run.id);
  return imports.get(run.id);
}

export const importFixture = (ctx: TestContext, name: string, request: ImportRequest, userId: number | null = null) =>
  importPath(ctx, join(FIXTURES, name), request, userId);

/** Writes `content` to a file named `name` in a scratch directory, then imports it. */
export async function importText(
  ctx: TestContext,
  name: string,
  content: string | Buffer,
  request: ImportRequest,
  userId: number | null = null,
) {
  const path = join(ctx.config.IMPORT_DIR, '..', `${ctx.config.DB_NAME}-${name}`);
  await writeFile(path, content);
  return importPath(ctx, path, request, userId);
}

/** Row counts of every table an import may write: "nothing written" means these did not move. */
export async function tableCounts(db: DataSource): Promise<Record<string, number>> {
  const tables = ['region', 'ccg', 'ons_ccg_code', 'practice', 'list_size', 'status_event', 'status_span'];
  const [row] = await db.query(`SELECT ${tables.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
  return row;
}

/** The geography the epraccur excerpt needs (its GP practices are in these CCGs). */
export async function excerptGeography(ctx: TestContext): Promise<void> {
  for (const ccg of ['00M', '00K', '01H', '00F', '13T']) await ctx.factories.ccg(ccg, 'Y54');
  await ctx.factories.ccg('04D', 'Y55');
}

/**
 * Waits until a run is over (processed by a worker) and returns it. By default for up to 45 s, inside a
 * test's 60 s: on a busy machine a small import's worker can take 20 s to get to it.
 */
export async function finishedRun(ctx: TestContext, id: number, ms = 45_000): Promise<ImportRunDto> {
  return waitFor(
    async () => {
      const run = await importsOf(ctx).get(id);
      if (run.state === ImportState.Queued || run.state === ImportState.Running)
        throw new Error(`import run ${id} is still ${run.state}`);
      return run;
    },
    `import run ${id} to finish`,
    ms,
  );
}
