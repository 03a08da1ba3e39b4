import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@app/config';
import { checkDependencies, createDatabaseIfMissing, dataSourceOptions, explainConnectionError, runMigrations, StartupError } from '@app/database';
import { loadDemoData } from '@app/demo';

/**
 * `npm run demo`: database created if missing, migrations applied, the demo dataset loaded (idempotent),
 * then the API and the worker started and their addresses printed. `--load-only` stops after loading.
 */
const ROOT = path.resolve(__dirname, '..');

async function main() {
  const config = loadConfig();
  const loadOnly = process.argv.includes('--load-only');
  try {
    await createDatabaseIfMissing(config);
  } catch (err) {
    throw new StartupError(explainConnectionError(err, config, 'postgres'));
  }
  const applied = await runMigrations(config);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

  const db = new DataSource(dataSourceOptions(config, { poolSize: 2 }));
  await db.initialize();
  let admin: { email: string; password: string } | undefined;
  try {
    console.log('Loading the demo dataset (real NHS practices and list sizes, generated status histories)…');
    const loaded = await loadDemoData(db);
    console.log(
      loaded.practices
        ? `Loaded ${loaded.practices} practices, ${loaded.listSizes} list sizes, ${loaded.statusEvents} status events.`
        : 'Demo data already loaded: nothing added.',
    );
    admin = await demoAdmin(db);
  } finally {
    await db.destroy();
  }
  if (loadOnly) return;

  await checkDependencies(config);
  const adminEnv: Record<string, string> = admin ? { ADMIN_EMAIL: admin.email, ADMIN_PASSWORD: admin.password } : {};
  const children = [start('api', 'apps/api/src/main.ts', /API listening/, adminEnv), start('worker', 'apps/worker/src/main.ts', /Worker running/)];
  const stopAll = () => children.forEach((c) => c.process.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  await Promise.all(children.map((c) => c.ready));
  const base = `http://localhost:${config.PORT}`;
  console.log(`
The tracker is running (Ctrl-C stops it).
  API docs:          ${base}/docs
  Health:            ${base}/health
  Summary as text:   ${base}/api/v1/reports/summary?asOf=2014-09-30&format=text
  Queue monitor:     ${base}/admin/queues
${
  admin
    ? `  Demo admin:        ${admin.email} / ${admin.password}   (shown once; create others with POST /api/v1/users)`
    : '  Sign in with an existing admin, or create one: npm run user:create-admin -- --email <address>'
}
  Sign in:           curl -s -X POST ${base}/api/v1/auth/login -H 'Content-Type: application/json' -d '{"email":"…","password":"…"}'
                     then send Authorization: Bearer <accessToken> (see docs/people.md)
`);
  await Promise.all(children.map((c) => new Promise((resolve) => c.process.on('exit', resolve))));
}

/**
 * A first admin for the demo when there is none and ADMIN_EMAIL is not set: a random password, passed to
 * the API (which creates the account at start-up) and printed once.
 */
async function demoAdmin(db: DataSource): Promise<{ email: string; password: string } | undefined> {
  if (process.env.ADMIN_EMAIL) return undefined;
  const admins = await db.query(`SELECT 1 FROM app_user WHERE role = 'admin' AND active LIMIT 1`);
  if (admins.length) return undefined;
  return { email: 'demo.admin@example.nhs.uk', password: randomBytes(12).toString('base64url') };
}

function start(name: string, entry: string, readyLine: RegExp, env: Record<string, string> = {}): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      process.stdout.write(`[${name}] ${chunk}`);
      if (readyLine.test(chunk.toString())) resolve();
    });
    child.on('exit', (code) => reject(new StartupError(`The ${name} stopped (exit code ${code}); see its messages above.`)));
  });
  return { process: child, ready };
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof StartupError ? err.message : err);
  process.exit(1);
});
