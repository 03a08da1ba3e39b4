import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Client, Pool } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { DataSource } from 'typeorm';
import { PrivatePostgres } from '../../test/setup/private-postgres';

/**
 * Provokes every way PostgreSQL can be unavailable to the apps, on a private cluster (initdb, a port in
 * 5440-5449), and writes the errors the apps' code sees, as plain objects, to
 * libs/http/src/database-errors.captured.json: the unit test of `isDatabaseUnavailable` rebuilds them.
 *
 *   npx ts-node -r tsconfig-paths/register --transpile-only scripts/faults/capture-database-errors.ts
 *
 * Each case goes through what the apps use: TypeORM's pool (errors of a query come wrapped in
 * QueryFailedError, errors of connecting come as they are) or a pooled pg client (the import's COPY).
 */
const OUT = path.join(__dirname, '../../libs/http/src/database-errors.captured.json');

type Shape = Record<string, unknown>;
const captured: { case: string; error: Shape }[] = [];

/** The error as data: its class, message and own fields, with wrapped errors (driverError, cause, errors). */
function shape(err: unknown, depth = 0): Shape {
  if (!(err instanceof Error) || depth > 3) return { value: String(err) };
  const out: Shape = { class: err.constructor.name, message: err.message };
  for (const [key, value] of Object.entries(err)) {
    if (key === 'stack' || key === 'query' || key === 'parameters' || value === undefined) continue;
    if (key === 'driverError' || key === 'cause') out[key] = shape(value, depth + 1);
    else if (key === 'errors' && Array.isArray(value)) out[key] = value.map((e) => shape(e, depth + 1));
    else if (typeof value !== 'object' && typeof value !== 'function') out[key] = value;
  }
  if (err.cause !== undefined && out.cause === undefined) out.cause = shape(err.cause, depth + 1);
  return out;
}

async function capture(name: string, provoke: () => Promise<unknown>): Promise<void> {
  try {
    await provoke();
    console.log(`${name}: no error`);
  } catch (err) {
    captured.push({ case: name, error: shape(err) });
    console.log(
      `${name}: ${(err as Error).constructor.name} ${(err as { code?: string }).code ?? ''} ${(err as Error).message}`,
    );
  }
}

/** A promise awaited later: its rejection is not "unhandled" meanwhile. */
function later<T>(p: Promise<T>): Promise<T> {
  p.catch(() => undefined);
  return p;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const pg = await PrivatePostgres.start({ max_connections: 8, superuser_reserved_connections: 0 });
  const connection = pg.connection();
  const dataSource = (host = '127.0.0.1') =>
    new DataSource({
      type: 'postgres',
      host,
      port: pg.port,
      username: 'postgres',
      database: 'postgres',
      poolSize: 3,
      extra: { connectionTimeoutMillis: 2000, application_name: 'capture' },
    });
  // Shutdowns and crashes below end these clients too: an error event is no crash of this script.
  const client = async () => {
    const c = await pg.client();
    c.on('error', () => undefined);
    return c;
  };
  let admin = await client();
  const terminate = (where: string) =>
    admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE ${where} AND pid <> pg_backend_pid()`);
  let ds = await dataSource().initialize();
  try {
    await capture('backend terminated mid-query (pg_terminate_backend)', async () => {
      const query = later(ds.query(`SELECT pg_sleep(30) /* victim */`));
      await sleep(300);
      await terminate(`query LIKE '%/* victim */%'`);
      await query;
    });

    await capture('backend terminated while its connection was held idle, then a query', async () => {
      const runner = ds.createQueryRunner();
      try {
        const [{ pid }] = (await runner.query(`SELECT pg_backend_pid() AS pid`)) as { pid: number }[];
        await terminate(`pid = ${Number(pid)}`);
        await sleep(300);
        await runner.query(`SELECT 1`);
      } finally {
        await runner.release().catch(() => undefined);
      }
    });

    await capture('backend terminated in a transaction, the next statement', async () => {
      await ds.transaction(async (m) => {
        const [{ pid }] = await m.query<{ pid: number }[]>(`SELECT pg_backend_pid() AS pid`);
        await terminate(`pid = ${Number(pid)}`);
        await sleep(300);
        await m.query(`SELECT 1`);
      });
    });

    await capture('backend terminated mid-COPY (the import)', async () => {
      await ds.transaction(async (m) => {
        await m.query(`CREATE TEMP TABLE stage (n integer, t text) ON COMMIT DROP`);
        const client = (await m.queryRunner!.connect()) as Client;
        const copy = client.query(copyFrom(`COPY stage (n, t) FROM STDIN`));
        const failed = new Promise((_, reject) => copy.once('error', reject));
        failed.catch(() => undefined);
        const line = `1\t${'x'.repeat(100)}\n`.repeat(1000);
        for (let i = 0; i < 50; i++) copy.write(line);
        await sleep(200);
        await terminate(`query LIKE 'COPY stage%'`);
        await failed;
      });
    });

    await capture('connection dropped mid-query (server process killed, crash of another process)', async () => {
      const query = later(ds.query(`SELECT pg_sleep(30) /* survivor */`));
      await sleep(300);
      const other = await client();
      const { rows } = await other.query<{ pid: number }>(`SELECT pg_backend_pid() AS pid`);
      process.kill(rows[0].pid, 'SIGKILL');
      await query;
    });
    await capture('connecting while the server recovers from a crash', async () => {
      await admin.end().catch(() => undefined);
      await ds.destroy().catch(() => undefined);
      ds = dataSource();
      for (let i = 0; i < 400; i++) {
        await ds.initialize().then(() => ds.destroy());
        await sleep(5);
      }
    });
    await pg.begin();
    await waitUntilUp(pg);
    admin = await client();

    ds = await dataSource().initialize();
    await capture('fast shutdown (pg_ctl stop -m fast) during a query', async () => {
      const query = later(ds.query(`SELECT pg_sleep(30)`));
      await sleep(300);
      await pg.stop('fast', false);
      await query;
    });
    await sleep(1000);
    await capture('server stopped: connecting to 127.0.0.1', () => ds.query(`SELECT 1`));
    await ds.destroy().catch(() => undefined);
    ds = dataSource('localhost');
    await capture('server stopped: connecting to localhost (IPv4 and IPv6)', () => ds.initialize());

    await capture('connecting while the server starts', async () => {
      const starting = pg.begin();

      let done = false;
      void starting.finally(() => (done = true));
      let last: Error | undefined;
      while (!done) {
        const c = new Client({ ...connection, database: 'postgres' });
        try {
          await c.connect();
          await c.end();
        } catch (err) {
          last = err as Error;
          if (/starting up|not yet accepting/.test((err as Error).message)) throw err;
        }
      }
      throw last ?? new Error('the server started before any connection saw it starting');
    });
    await waitUntilUp(pg);

    const held = await client();
    ds = await dataSource().initialize();
    await capture('smart shutdown in progress (pg_ctl stop -m smart): a new connection', async () => {
      await pg.stop('smart', false);
      await sleep(500);
      await terminate(`application_name = 'capture'`);
      await sleep(300);
      await ds.query(`SELECT 1`);
    });
    await capture('smart shutdown in progress: a pool opening its first connection', async () => {
      const fresh = dataSource();
      await fresh.initialize();
      await fresh.destroy();
    });
    await held.end();
    await ds.destroy().catch(() => undefined);
    await waitUntilStopped(pg);
    await pg.begin();
    await waitUntilUp(pg);

    const clients: Client[] = [];
    await capture('too many connections (max_connections reached)', async () => {
      for (let i = 0; i < 8; i++) clients.push(await client());
      const ds2 = dataSource();
      await ds2.initialize();
    });
    await Promise.all(clients.map((c) => c.end()));

    const pool = new Pool({ ...connection, database: 'postgres', max: 1, connectionTimeoutMillis: 300 });
    const one = await pool.connect();
    await capture('the pool is exhausted (every connection busy past the timeout)', () => pool.connect());
    one.release();
    await pool.end();

    // A server that accepts and says nothing (a host gone mid-failover): the client's connect timeout.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentPort = (silent.address() as net.AddressInfo).port;
    await capture('a server that never answers (connect timeout)', async () => {
      const p = new Pool({ host: '127.0.0.1', port: silentPort, user: 'postgres', connectionTimeoutMillis: 300 });
      try {
        await p.query('SELECT 1');
      } finally {
        await p.end();
      }
    });
    // A proxy or load balancer resetting the connection.
    const resetting = net.createServer((socket) => socket.resetAndDestroy());
    await new Promise<void>((resolve) => resetting.listen(0, '127.0.0.1', resolve));
    await capture('the connection reset while connecting', async () => {
      const port = (resetting.address() as net.AddressInfo).port;
      const c = new Client({ host: '127.0.0.1', port, user: 'postgres' });
      await c.connect();
    });
    silent.close();
    resetting.close();

    await capture('the pool is closed (the app shutting down)', async () => {
      const closed = await dataSource().initialize();
      await closed.destroy();
      await closed.query(`SELECT 1`);
    });

    // Not unavailability: the classifier must leave these alone.
    ds = await dataSource().initialize();
    await capture('negative: unique violation', async () => {
      await ds.query(`CREATE TEMP TABLE u (n integer PRIMARY KEY)`);
      await ds.query(`WITH a AS (INSERT INTO u VALUES (1)) INSERT INTO u VALUES (1)`);
    });
    await capture('negative: syntax error', () => ds.query(`SELEC 1`));
    await capture('negative: statement timeout (57014)', () =>
      ds.transaction(async (m) => {
        await m.query(`SET LOCAL statement_timeout = 50`);
        await m.query(`SELECT pg_sleep(1)`);
      }),
    );
    await capture('negative: a bug in our code', async () => {
      const value = null as unknown as { stream: unknown };
      return Promise.resolve(value.stream);
    });
    await ds.destroy();
  } finally {
    await admin.end().catch(() => undefined);
    await pg.destroy();
  }
  writeFileSync(OUT, JSON.stringify(captured, null, 2) + '\n');
  console.log(`${captured.length} errors written to ${path.relative(process.cwd(), OUT)}`);
}

async function waitUntilUp(pg: PrivatePostgres): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const c = await pg.client();
      await c.end();
      return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error('the private server did not come back');
}

async function waitUntilStopped(pg: PrivatePostgres): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      const c = await pg.client();
      await c.end();
      await sleep(100);
    } catch (err) {
      if ((err as { code?: string }).code === 'ECONNREFUSED') return;
      await sleep(100);
    }
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
