import { join } from 'node:path';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '@app/config';
import { Role } from '@app/domain';
import { ImportCommand, ImportsService, parseImportCommand, runImportCommand } from '@app/imports';
import { ImportsScriptModule } from '../../scripts/imports-script.module';
import { TestContext } from '../setup/test-context';
import { startWorker } from '../setup/worker-context';
import { FIXTURES, importsOf } from './import-support';

/** The core of `npm run cli -- import …` (scripts/cli.ts only wraps it in a process). */
describe('imports: the CLI command', () => {
  let ctx: TestContext;

  beforeAll(async () => {
    ctx = await TestContext.create();
  });
  afterAll(async () => {
    await ctx.close();
  });

  const output = (isTTY = false) => {
    const chunks: string[] = [];
    return { io: { write: (t: string) => void chunks.push(t), isTTY }, text: () => chunks.join('') };
  };
  const command = async (...args: string[]) => (await parseImportCommand(args)) as ImportCommand;

  it.each([
    [['regions'], 'give the kind of file and the file'],
    [['xlsx', 'a.csv'], /^kind must be one of: epraccur, /],
    [['pomi-wide', 'a.csv', '--service', 'bookings'], /service must be one of the following values/],
    [['regions', 'a.csv', '--user', 'me'], '--user must be a user id (a whole number)'],
    [['regions', 'a.csv', '--colour'], /Unknown option '--colour'/],
  ])('usage errors: %j', async (args, message) => {
    expect(await parseImportCommand(args)).toEqual(
      typeof message === 'string' ? message : expect.stringMatching(message),
    );
  });

  // scripts/cli.ts runs in its own, smaller module (no API, no Redis): it must start, with the whole schema
  // described (a relation to another feature's entity once failed it at start-up) and the importer ready.
  it("the CLI's own module starts on the same database", async () => {
    const moduleRef = await Test.createTestingModule({ imports: [ImportsScriptModule] })
      .overrideProvider(AppConfig)
      .useValue(ctx.config)
      .compile();
    moduleRef.useLogger(false);
    await moduleRef.init();
    try {
      const tables = (ds: DataSource) => ds.entityMetadatas.map((m) => m.tableName).sort();
      expect(tables(moduleRef.get<DataSource>(getDataSourceToken()))).toEqual(tables(ctx.db));
      expect(
        await moduleRef
          .get(ImportsService)
          .get(-1)
          .catch((e: Error) => e.constructor.name),
      ).toBe('NotFoundError');
    } finally {
      await moduleRef.close();
    }
  });

  it('reads the options', async () => {
    expect(
      await command(
        'list-size-quarterly',
        'q.csv',
        '--partial',
        '--effective-date',
        '2013-04-01',
        '--user',
        '3',
        '--in-process',
      ),
    ).toEqual({
      file: 'q.csv',
      dto: { kind: 'list-size-quarterly', partial: true, effectiveDate: '2013-04-01' },
      userId: 3,
      inProcess: true,
      detach: false,
    });
  });

  it('--in-process: a progress line per 10 % when not on a terminal, the outcome, exit 0', async () => {
    const out = output();
    const { id: userId } = await ctx.factories.user({ role: Role.Admin });
    const code = await runImportCommand(
      importsOf(ctx),
      await command('regions', join(FIXTURES, 'regions.csv'), '--in-process', '--user', String(userId)),
      out.io,
      { pollMs: 10 },
    );
    expect(code).toBe(0);
    expect(out.text()).toMatch(/^Import run \d+: regions file regions.csv \(96 bytes\) queued\n/);
    expect(out.text()).toMatch(/progress 100% \(succeeded\) {2}line 4\n/);
    expect(out.text()).toMatch(
      /Import run \d+ succeeded: 4 rows imported\n {2}rows: 4 read, 4 accepted, 0 rejected, 0 skipped\n {2}regions: 4 added, 0 updated, 0 unchanged\n$/,
    );
    expect(out.text()).not.toMatch(/\r/);
  });

  it('a rejected file: the problems printed, exit 1; on a terminal the bar redraws one line', async () => {
    const out = output(true);
    const code = await runImportCommand(
      importsOf(ctx),
      await command('status-csv', join(FIXTURES, 'status-updates.csv'), '--in-process'),
      out.io,
      { pollMs: 10 },
    );
    expect(code).toBe(1);
    expect(out.text()).toContain('\r[####################] 100%  rejected  line 4');
    expect(out.text()).toContain(
      '  problems (4):\n    row 2, practice_code, "A81043": practice A81043 is not known: import the practice list ' +
        '(epraccur) first\n',
    );
  });

  it('a missing file or a bad option for the kind: a message and exit 2', async () => {
    const missing = output();
    expect(
      await runImportCommand(importsOf(ctx), await command('regions', '/nonexistent/regions.csv'), missing.io),
    ).toBe(2);
    expect(missing.text()).toMatch(/^Cannot import: ENOENT/);
    const directory = output();
    expect(await runImportCommand(importsOf(ctx), await command('regions', FIXTURES), directory.io)).toBe(2);
    expect(directory.text()).toMatch(/^Cannot import: EISDIR/);
    const bad = output();
    expect(
      await runImportCommand(importsOf(ctx), await command('pomi-wide', join(FIXTURES, 'regions.csv')), bad.io),
    ).toBe(2);
    expect(bad.text()).toBe('Cannot import: service is required for pomi-wide files (one file per service)\n');
    const { id: leaver } = await ctx.factories.user({ role: Role.Admin, active: false });
    for (const user of ['999999', String(leaver)]) {
      const nobody = output();
      expect(
        await runImportCommand(
          importsOf(ctx),
          await command('regions', join(FIXTURES, 'regions.csv'), '--user', user),
          nobody.io,
        ),
      ).toBe(2);
      expect(nobody.text()).toBe(`Cannot import: --user ${user} is not an active user (see GET /api/v1/users)\n`);
    }
  });

  it('without --in-process, follows the run while the worker imports it', async () => {
    const worker = await startWorker(ctx.config);
    try {
      const out = output();
      const code = await runImportCommand(importsOf(ctx), await command('ccgs', join(FIXTURES, 'ccgs.csv')), out.io, {
        pollMs: 20,
      });
      expect(code).toBe(0);
      expect(out.text()).toMatch(/ccgs: 6 added, 0 updated, 0 unchanged\n$/);
    } finally {
      await worker.close();
    }
  });
});
