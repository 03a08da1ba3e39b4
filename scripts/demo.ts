import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { ConfigError, loadConfig } from '@app/config';
import {
  checkDependencies,
  createDatabaseIfMissing,
  dataSourceOptions,
  explainConnectionError,
  runMigrations,
  StartupError,
} from '@app/database';
import { DemoUser, ensureDemoUsers, loadDemoData } from '@app/demo';
import { seedFollowUpActivity } from './demo-activity';
import { ensureWebAppBuilt } from './web-build';

/**
 * `npm run demo`: database created if missing, migrations applied, the demo dataset loaded (idempotent),
 * then the API and the worker started and their addresses printed. `--load-only` stops after loading.
 */
const ROOT = path.resolve(__dirname, '..');
// Commands printed whole, so they can be copied from the terminal.
const SIGN_IN_ARGS = `-H 'Content-Type: application/json' -d '{"email":"…","password":"…"}'`;
const CREATE_ADMIN = "npm run user:create-admin -- --email you@example.nhs.uk --password '<12+ characters>'";

async function main() {
  const config = loadConfig();
  const loadOnly = process.argv.includes('--load-only');
  try {
    await createDatabaseIfMissing(config);
  } catch (err) {
    throw new StartupError(explainConnectionError(err, config, 'postgres'));
  }
  ensureWebAppBuilt(() => console.log('Building the web app (apps/web)…'));
  const applied = await runMigrations(config);
  if (applied.length) console.log(`Applied ${applied.length} migration(s).`);

  const db = new DataSource(dataSourceOptions(config, { poolSize: 2 }));
  await db.initialize();
  let users: DemoUser[];
  try {
    console.log('Loading the demo dataset (real NHS practices and list sizes, generated status histories)…');
    const loaded = await loadDemoData(db, config.APP_TIME_ZONE);
    console.log(
      loaded.practices
        ? `Loaded ${loaded.practices} practices, ${loaded.listSizes} list sizes, ${loaded.statusEvents} status events.`
        : 'Demo data already loaded: nothing added.',
    );
    users = await ensureDemoUsers(db, path.resolve('var', 'demo-users.json'));
    // The worker's first relay runs the follow-up rule over the demo practices (once: the sweep is idempotent).
    await db.query(
      `INSERT INTO outbox (kind, payload) SELECT 'sweep-follow-ups', '{"reason": "demo"}'
       WHERE NOT EXISTS (SELECT 1 FROM follow_up)`,
    );
  } finally {
    await db.destroy();
  }
  if (loadOnly) {
    console.log(`Demo users:\n${describeUsers(users)}`);
    return;
  }

  await checkDependencies(config);
  const children = [
    start('api', 'apps/api/src/main.ts', /API listening/),
    start('worker', 'apps/worker/src/main.ts', /Worker running/),
  ];
  const stopAll = () => children.forEach((c) => c.process.kill('SIGTERM'));
  process.on('SIGINT', stopAll);
  process.on('SIGTERM', stopAll);
  // One process failing to start stops the other too: no worker left running on its own.
  await Promise.all(children.map((c) => c.ready)).catch((err) => {
    stopAll();
    throw err;
  });
  const base = `http://localhost:${config.PORT}`;
  const admin = users.find((u) => u.role === 'admin');
  if (admin?.password) {
    console.log('Recording some follow-up work (barriers, owners) through the API…');
    console.log(
      await seedFollowUpActivity(
        base,
        { email: admin.email, password: admin.password },
        users.find((u) => u.role === 'support')!.email,
      ),
    );
  }
  console.log(`
The tracker is running (Ctrl-C stops it).
  Web app:           ${base}/?asOf=2014-09-30
  API docs:          ${base}/docs
  Health:            ${base}/health
  Summary as text:   ${base}/api/v1/reports/summary?asOf=2014-09-30&format=text
  Queue monitor:     ${base}/admin/queues
  Queue monitor sign-in (admins): ${base}/admin/queues/sign-in?token=<accessToken>

Demo users (passwords kept in var/demo-users.json on this machine only):
${describeUsers(users)}

  Sign in:           curl -s -X POST ${base}/api/v1/auth/login ${SIGN_IN_ARGS}
                     then send Authorization: Bearer <accessToken> (see docs/people.md)
`);
  await Promise.all(children.map((c) => new Promise((resolve) => c.process.on('exit', resolve))));
}

function describeUsers(users: DemoUser[]): string {
  const unknown = users.some((u) => !u.password)
    ? `\n  Passwords made by another checkout are not known here. Make yourself an admin, then reset the others
  (POST /api/v1/users/:id/password):  ${CREATE_ADMIN}`
    : '';
  return (
    users
      .map(
        (u) =>
          `  ${u.role.padEnd(8)} ${u.email.padEnd(30)} ` +
          `${u.password ?? '(made before this checkout: password unknown here)'}` +
          `${u.regionCode ? `   region ${u.regionCode}` : ''}`,
      )
      .join('\n') + unknown
  );
}

function start(name: string, entry: string, readyLine: RegExp): { process: ChildProcess; ready: Promise<void> } {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', entry],
    {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      process.stdout.write(`[${name}] ${chunk.toString()}`);
      if (readyLine.test(chunk.toString())) resolve();
    });
    child.on('exit', (code) =>
      reject(new StartupError(`The ${name} stopped (exit code ${code}); see its messages above.`)),
    );
  });
  return { process: child, ready };
}

main().catch((err) => {
  console.error(err instanceof ConfigError || err instanceof StartupError ? err.message : err);
  process.exit(1);
});
