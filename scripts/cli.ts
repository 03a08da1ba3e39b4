import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NotFoundError } from '@app/domain';
import { parseId } from '@app/http';
import { ConfigError, loadConfig } from '@app/config';
import { checkDependencies, StartupError } from '@app/database';
import { describeOutcome, IMPORT_USAGE, ImportsService, parseImportCommand, runImportCommand } from '@app/imports';
import { ImportsScriptModule } from './imports-script.module';

/**
 * Operator commands: `npm run cli -- <command> …`
 *   import <kind> <file> [options]   create an import run and follow it to its end (see IMPORT_USAGE)
 *   imports [id]                     the latest runs, or one run with its problems
 */
const USAGE = `${IMPORT_USAGE}
       npm run cli -- imports [id]     the latest import runs, or one run with its problems
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (command !== 'import' && command !== 'imports') {
    process.stderr.write(USAGE);
    return 2;
  }
  const cmd = command === 'import' ? await parseImportCommand(args) : undefined;
  if (typeof cmd === 'string') {
    process.stderr.write(`${cmd}\n\n${USAGE}`);
    return 2;
  }
  const runId = command === 'imports' && args[0] !== undefined ? parseId(args[0]) : undefined;
  if (command === 'imports' && args[0] !== undefined && runId === undefined) {
    process.stderr.write(
      `imports: the run id must be a positive whole number, not ${JSON.stringify(args[0])}\n\n${USAGE}`,
    );
    return 2;
  }
  // Redis is not needed to create a run (or to run it --in-process); PostgreSQL is.
  await checkDependencies(loadConfig(), { redis: false });
  const app = await NestFactory.createApplicationContext(ImportsScriptModule, { logger: ['error', 'warn'] });
  try {
    const imports = app.get(ImportsService);
    if (cmd)
      return await runImportCommand(imports, cmd, {
        write: (text) => process.stdout.write(text),
        isTTY: !!process.stdout.isTTY,
      });
    if (runId !== undefined) {
      const run = await imports.get(runId).catch((err) => {
        if (err instanceof NotFoundError) return undefined;
        throw err;
      });
      if (!run) process.stderr.write(`No import run ${runId} (npm run cli -- imports lists the latest)\n`);
      else process.stdout.write(describeOutcome(run));
      return run ? 0 : 1;
    }
    const { items } = await imports.list({ page: 1, pageSize: 20 });
    for (const r of items) {
      process.stdout.write(
        `${String(r.id).padStart(6)}  ${r.createdAt.toISOString().slice(0, 19)}  ${r.state.padEnd(9)} ` +
          `${String(r.progress).padStart(3)}%  ${r.kind.padEnd(19)} ${r.fileName}\n`,
      );
    }
    return 0;
  } finally {
    await app.close();
  }
}

// `npm run cli -- imports | head`: the reader left; nothing more to say.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: Error | undefined) => {
    process.stderr.write(
      `${err instanceof ConfigError || err instanceof StartupError ? err.message : (err?.stack ?? err)}\n`,
    );
    process.exit(1);
  },
);
