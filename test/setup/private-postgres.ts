import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import type { AppConfig } from '@app/config';
import { freePort } from './private-redis';

const run = promisify(execFile);

/** How `pg_ctl stop` ends the sessions: wait for them, end them, or crash (recovery at the next start). */
export type ShutdownMode = 'smart' | 'fast' | 'immediate';

/**
 * A PostgreSQL cluster of a test's own (initdb into a temporary directory, a free port in 5440-5449), so
 * the test can restart it, shut it down or crash it without touching the machine's server that other
 * test files share. As root (CI, this machine) it runs as the `postgres` user: PostgreSQL refuses root.
 * Durability is off (fsync): nothing here outlives the test. `destroy()` stops it and removes its files.
 */
export class PrivatePostgres {
  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly bin: string,
  ) {}

  /** `settings` are server settings (`max_connections`, …), applied at every start. */
  static async start(settings: Record<string, string | number> = {}): Promise<PrivatePostgres> {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pot-pg-'));
    const pg = new PrivatePostgres(await freePort(5440, 5449), dir, postgresBinDir());
    if (process.getuid?.() === 0) {
      const { stdout } = await run('id', ['-u', 'postgres']);
      chownSync(dir, Number(stdout.trim()), -1);
    }
    await pg.exec('initdb', ['-D', pg.dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    pg.options = Object.entries({ fsync: 'off', full_page_writes: 'off', ...settings })
      .map(([name, value]) => `-c ${name}=${value}`)
      .join(' ');
    await pg.begin();
    return pg;
  }

  private options = '';

  private get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  /** The settings that point the apps (and `pgClientConfig`) at this cluster. */
  get config(): Pick<AppConfig, 'DB_HOST' | 'DB_PORT' | 'DB_USER' | 'DB_PASSWORD'> {
    return { DB_HOST: '127.0.0.1', DB_PORT: this.port, DB_USER: 'postgres', DB_PASSWORD: '' };
  }

  /** Starts the server and waits until it accepts connections (nothing to do when it is running). */
  async begin(): Promise<void> {
    if (await this.isRunning()) return;
    await this.exec('pg_ctl', [
      'start',
      '-D',
      this.dataDir,
      '-w',
      '-t',
      '60',
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -c listen_addresses=127.0.0.1 -k ${this.dir} ${this.options}`,
    ]);
  }

  /** `wait: false` returns as soon as the shutdown has begun (a smart one then waits for its clients). */
  async stop(mode: ShutdownMode = 'fast', wait = true): Promise<void> {
    await this.exec('pg_ctl', ['stop', '-D', this.dataDir, '-m', mode, wait ? '-w' : '-W', '-t', '60']);
  }

  /** A restart as an operator does it: the sessions are ended (fast) and the server comes back. */
  async restart(mode: ShutdownMode = 'fast'): Promise<void> {
    await this.stop(mode);
    await this.begin();
  }

  async client(database = 'postgres'): Promise<Client> {
    const client = new Client({ ...this.connection(), database });
    await client.connect();
    return client;
  }

  connection(): { host: string; port: number; user: string } {
    return { host: '127.0.0.1', port: this.port, user: 'postgres' };
  }

  async destroy(): Promise<void> {
    if (existsSync(path.join(this.dataDir, 'postmaster.pid'))) await this.stop('immediate').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }

  async isRunning(): Promise<boolean> {
    try {
      await this.exec('pg_ctl', ['status', '-D', this.dataDir]);
      return true;
    } catch {
      return false;
    }
  }

  /** Runs a PostgreSQL program as the `postgres` user when we are root. */
  private async exec(program: 'initdb' | 'pg_ctl', args: string[]): Promise<void> {
    const file = path.join(this.bin, program);
    const [cmd, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', file, ...args]] : [file, args];
    await run(cmd, argv, { cwd: this.dir, timeout: 120_000 });
  }
}

/** `PG_BINDIR`, else the newest /usr/lib/postgresql/<version>/bin (Debian), else whatever is on PATH. */
function postgresBinDir(): string {
  if (process.env.PG_BINDIR) return process.env.PG_BINDIR;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'pg_ctl')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  return versions.length ? path.join(root, versions[0], 'bin') : '';
}
