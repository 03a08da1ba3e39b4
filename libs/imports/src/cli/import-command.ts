import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { DomainError } from '@app/domain';
import { toFieldProblems } from '@app/http';
import { ImportState } from '../import-run.entity';
import type { ChangeCounts } from '../import-run.types';
import { CreateImportDto, ImportRunDto } from '../imports.dto';
import { formatBytes } from '../imports.errors';
import type { ImportsService } from '../imports.service';

/**
 * `npm run cli -- import <kind> <file> [options]`: the core of the command, without the process around
 * it (scripts/cli.ts), so the tests can run it. Creates a run like an upload does, then follows it to
 * its end with a progress bar and returns the exit code: 0 succeeded, 1 rejected or failed, 2 bad usage.
 */
export const IMPORT_USAGE = `Usage: npm run cli -- import <kind> <file> [options]

  kind: epraccur | regions | ccgs | ccg-lookup | ccg-codes | list-size-quarterly | list-size-gp-reg
        | pomi-wide | pomi-long | status-csv
  --partial               import the valid rows and report the others (default: any problem rejects the file)
  --effective-date DATE   list-size-quarterly: the date the list sizes apply from (default: from the file name)
  --service SERVICE       pomi-wide: appointments | prescriptions | records
  --include-list-sizes    pomi-long: also import Patient_List_Size rows
  --encoding ENC          auto (default) | utf-8 | windows-1252
  --user ID               the user id recorded as the importer (default: none)
  --in-process            run the import in this process instead of waiting for the worker
  --detach                queue the run and exit without waiting
`;

export interface ImportCommand {
  file: string;
  dto: CreateImportDto;
  userId: number | null;
  inProcess: boolean;
  detach: boolean;
}

export interface CommandIo {
  write(text: string): void;
  /** A terminal: the progress bar redraws one line; otherwise one line per 10 %. */
  isTTY: boolean;
}

/** Reads the arguments after `import`; a string is a usage error to print. */
export async function parseImportCommand(args: string[]): Promise<ImportCommand | string> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        partial: { type: 'boolean' },
        'effective-date': { type: 'string' },
        service: { type: 'string' },
        'include-list-sizes': { type: 'boolean' },
        encoding: { type: 'string' },
        user: { type: 'string' },
        'in-process': { type: 'boolean' },
        detach: { type: 'boolean' },
      },
    });
  } catch (err) {
    return (err as Error).message;
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 2) return 'give the kind of file and the file';
  if (v.user !== undefined && !/^\d+$/.test(v.user)) return '--user must be a user id (a whole number)';
  const raw = {
    kind: positionals[0],
    partial: v.partial,
    effectiveDate: v['effective-date'],
    service: v.service,
    includeListSizes: v['include-list-sizes'],
    encoding: v.encoding,
  };
  const dto = plainToInstance(
    CreateImportDto,
    Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined)),
  );
  const problems = toFieldProblems(await validate(dto));
  if (problems.length) return problems.map((p) => p.message).join('; ');
  return {
    file: positionals[1],
    dto,
    userId: v.user === undefined ? null : Number(v.user),
    inProcess: !!v['in-process'],
    detach: !!v.detach,
  };
}

const n = (x: number) => x.toLocaleString('en-GB');
const UNREADABLE = ['ENOENT', 'EISDIR', 'EACCES', 'ENOTDIR'];
const FINAL = [ImportState.Succeeded, ImportState.Rejected, ImportState.Failed];

export async function runImportCommand(
  imports: ImportsService,
  cmd: ImportCommand,
  io: CommandIo,
  opts: { pollMs?: number; waitHintMs?: number } = {},
): Promise<number> {
  let run: ImportRunDto;
  try {
    run = await imports.createFromPath(cmd.file, cmd.dto, cmd.userId);
  } catch (err) {
    // The file cannot be read (missing, a directory, no permission): bad usage, not a crash.
    if (!(err instanceof DomainError) && !UNREADABLE.includes((err as { code?: string }).code ?? '')) throw err;
    const reason =
      err instanceof DomainError
        ? err.problems.map((p) => p.message).join('; ') || err.message
        : (err as Error).message;
    io.write(`Cannot import: ${reason}\n`);
    return 2;
  }
  io.write(`Import run ${run.id}: ${run.kind} file ${run.fileName} (${formatBytes(run.fileSize)}) queued\n`);
  if (cmd.detach) return 0;
  let crashed: Error | undefined;
  const processing = cmd.inProcess ? imports.process(run.id).catch((err: Error) => void (crashed = err)) : undefined;
  const bar = new ProgressBar(io);
  const started = Date.now();
  let hinted = false;
  while (!FINAL.includes(run.state) && !crashed) {
    await new Promise((resolve) => setTimeout(resolve, opts.pollMs ?? 250));
    run = await imports.get(run.id);
    bar.show(run);
    if (!hinted && run.state === ImportState.Queued && Date.now() - started > (opts.waitHintMs ?? 10_000)) {
      hinted = true;
      bar.note('still queued: is the worker running (npm run start:worker)? Or run again with --in-process');
    }
  }
  await processing;
  bar.show(run);
  bar.end();
  if (crashed) {
    io.write(`Import run ${run.id} stopped: ${crashed.message} (it stays ${run.state}; the worker will retry it)\n`);
    return 1;
  }
  io.write(describeOutcome(run));
  return run.state === ImportState.Succeeded ? 0 : 1;
}

/** Plain ASCII, so logs and dumb terminals show it as well as a TTY does. */
class ProgressBar {
  private lastStep = -1;
  private drawn = false;

  constructor(private readonly io: CommandIo) {}

  show(run: ImportRunDto): void {
    const where = run.rowsRead ? `  line ${n(run.rowsRead)}` : '';
    if (this.io.isTTY) {
      const filled = Math.round(run.progress / 5);
      this.io.write(
        `\r[${'#'.repeat(filled)}${'.'.repeat(20 - filled)}] ${String(run.progress).padStart(3)}%  ` +
          `${run.state}${where}    `,
      );
      this.drawn = true;
    } else if (Math.floor(run.progress / 10) > this.lastStep) {
      this.lastStep = Math.floor(run.progress / 10);
      this.io.write(`progress ${run.progress}% (${run.state})${where}\n`);
    }
  }

  note(text: string): void {
    this.end();
    this.io.write(`${text}\n`);
  }

  end(): void {
    if (this.drawn) this.io.write('\n');
    this.drawn = false;
  }
}

const MAX_PRINTED_PROBLEMS = 50;

export function describeOutcome(run: ImportRunDto): string {
  const lines = [`Import run ${run.id} ${run.state}: ${run.message ?? ''}`];
  lines.push(
    `  rows: ${n(run.rowsRead)} read, ${n(run.rowsAccepted)} accepted, ${n(run.rowsRejected)} rejected, ` +
      `${n(run.rowsSkipped)} skipped`,
  );
  for (const [kind, c] of Object.entries(run.summary?.changes ?? {}) as [string, ChangeCounts][]) {
    lines.push(`  ${kind}: ${n(c.added)} added, ${n(c.updated)} updated, ${n(c.unchanged)} unchanged`);
  }
  for (const [reason, count] of Object.entries(run.summary?.skipped ?? {}))
    lines.push(`  skipped: ${n(count)} ${reason}`);
  const problems = run.problems ?? [];
  if (problems.length) lines.push(`  problems (${n(run.problemCount)}):`);
  for (const p of problems.slice(0, MAX_PRINTED_PROBLEMS)) {
    const at = [p.row ? `row ${p.row}` : 'file', p.column, p.value !== undefined ? JSON.stringify(p.value) : undefined]
      .filter(Boolean)
      .join(', ');
    lines.push(`    ${at}: ${p.reason}`);
  }
  if (run.problemCount > MAX_PRINTED_PROBLEMS) {
    lines.push(
      `    … ${n(run.problemCount - Math.min(problems.length, MAX_PRINTED_PROBLEMS))} more (GET ` +
        `/api/v1/imports/${run.id} lists the first 1,000)`,
    );
  }
  return `${lines.join('\n')}\n`;
}
