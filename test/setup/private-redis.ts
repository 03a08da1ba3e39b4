import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Redis from 'ioredis';
import { waitFor } from './wait-for';

/**
 * A redis-server of a test's own on a free port in 6400-6499, so the test can stop and restart Redis
 * without touching anyone else's. Append-only persistence, like a production queue Redis, so a restart
 * keeps what was queued. `destroy()` stops it and removes its data.
 *
 * The port is reserved for the server's whole life, across test runs (another checkout's `npm test` at
 * the same time): while this one is stopped, another run must not start its own server there, which
 * this test's clients would then reach. And a start checks that the server answering is its own.
 */
export class PrivateRedis {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(6400, 6499), mkdtempSync(path.join(os.tmpdir(), 'pot-redis-')));
    try {
      await redis.restart();
    } catch (err) {
      await redis.destroy();
      throw err;
    }
    return redis;
  }

  /** Starts the server again (nothing to do when it is running). */
  async restart(): Promise<void> {
    if (this.process && this.process.exitCode === null) return;
    this.process = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--dir',
        this.dir,
        '--save',
        '',
        '--appendonly',
        'yes',
        '--maxmemory-policy',
        'noeviction',
      ],
      { stdio: 'ignore' },
    );
    const child = this.process;
    await waitFor(
      async () => child.exitCode !== null || (await this.ping()),
      `redis-server on port ${this.port} to answer`,
    );
    if (child.exitCode !== null || (await this.serverPid()) !== child.pid) {
      throw new Error(`redis-server could not start on port ${this.port}: the port is someone else's`);
    }
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    this.process = undefined;
  }

  /** A restart that lost the data (no persistence, a new machine): stopped, its files removed, started. */
  async restartEmpty(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir);
    await this.restart();
  }

  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
    releasePort(this.port);
  }

  private async ping(): Promise<boolean> {
    return (await this.ask((client) => client.ping())) === 'PONG';
  }

  /** The process id of the server answering on the port (undefined: none answers). */
  private async serverPid(): Promise<number | undefined> {
    const info = await this.ask((client) => client.info('server'));
    const pid = info && /^process_id:(\d+)/m.exec(info);
    return pid ? Number(pid[1]) : undefined;
  }

  private async ask<T>(question: (client: Redis) => Promise<T>): Promise<T | undefined> {
    const client = new Redis({
      port: this.port,
      host: '127.0.0.1',
      lazyConnect: true,
      retryStrategy: () => null,
      maxRetriesPerRequest: 0,
    });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return await question(client);
    } catch {
      return undefined;
    } finally {
      client.disconnect();
    }
  }
}

/** A port nobody listens on, reserved for this process (see `reservePort`). */
export async function freePort(from: number, to: number): Promise<number> {
  const start = from + Math.floor(Math.random() * (to - from + 1));
  for (let i = 0; i <= to - from; i++) {
    const port = from + ((start - from + i) % (to - from + 1));
    if (!reservePort(port)) continue;
    if (await isFree(port)) return port;
    releasePort(port);
  }
  throw new Error(`No free port in ${from}-${to}`);
}

const reservation = (port: number) => path.join(os.tmpdir(), `pot-private-redis-${port}.pid`);

/**
 * Reserves a port among the test processes of this machine: a file created only if missing, naming the
 * process. One whose process has ended (a run killed outright) is taken over.
 */
function reservePort(port: number): boolean {
  const file = reservation(port);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      // No process id yet: its owner is writing it.
      const owner = Number(readFileSync(file, 'utf8'));
      if (!Number.isInteger(owner) || owner <= 0 || isRunning(owner)) return false;
      rmSync(file, { force: true });
    }
  }
  return false;
}

function releasePort(port: number): void {
  rmSync(reservation(port), { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
