import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { isEmail } from 'class-validator';
import { parseArgs } from 'node:util';
import { Role } from '@app/domain';
import { ConfigError, ConfigModule, loadConfig } from '@app/config';
import { checkDependencies, DatabaseModule, StartupError } from '@app/database';
import { normaliseEmail, passwordProblem, PeopleModule, PeopleService } from '@app/people';

const USAGE = `Usage: npm run user:create-admin -- --email <address> [--name "<name>"] [--password <password>]
  The password may come from ADMIN_PASSWORD instead of --password (which shells keep in their history).`;

@Module({ imports: [ConfigModule, DatabaseModule, PeopleModule] })
class CliModule {}

/**
 * `npm run user:create-admin`: an admin account straight into the database, for the first admin or when
 * no admin can sign in any more. Needs no JWT_SECRET; the audit trail records it as done by the system.
 */
async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(USAGE);
  const email = normaliseEmail(values.email ?? '');
  const password = values.password ?? process.env.ADMIN_PASSWORD ?? '';
  // ADMIN_PASSWORD is this command's input here, not the API's first-admin pair (which wants ADMIN_EMAIL
  // beside it): the configuration below must not see it.
  delete process.env.ADMIN_PASSWORD;
  if (!isEmail(email)) throw new StartupError(`--email must be an e-mail address.\n${USAGE}`);
  if (!password) throw new StartupError(`Give the password with --password or in ADMIN_PASSWORD.\n${USAGE}`);
  const problem = passwordProblem(password);
  if (problem) throw new StartupError(`The password ${problem}.\n${USAGE}`);

  const config = loadConfig();
  await checkDependencies(config, { redis: false });
  const app = await NestFactory.createApplicationContext(CliModule, { logger: ['error', 'warn'] });
  try {
    const user = await app.get(PeopleService).createUser({
      email,
      name: values.name?.trim() || 'Administrator',
      role: Role.Admin,
      regionCode: null,
      password,
    });
    console.log(`Created admin ${user.email} (user ${user.id}). Sign in with POST /api/v1/auth/login.`);
  } finally {
    await app.close();
  }
}

main().catch((err: Error & { status?: number }) => {
  if (err instanceof ConfigError || err instanceof StartupError) console.error(err.message);
  else if (err?.status === 409)
    console.error(`${err.message}: an admin can reset that account's password (POST /api/v1/users/:id/password).`);
  else console.error(err);
  process.exit(1);
});
