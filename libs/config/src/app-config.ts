import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, Min, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : /^-?\d+$/.test(String(value)) ? Number(value) : value;

/**
 * Every setting the apps read, with safe local defaults. Validated once at start-up so a typo stops the
 * process with one line naming the variable, instead of failing later in some request.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  PORT: number = 3000;

  @IsString() @IsNotEmpty()
  DB_HOST: string = '127.0.0.1';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  DB_PORT: number = 5432;

  @IsString() @IsNotEmpty()
  DB_USER: string = 'postgres';

  @IsString()
  DB_PASSWORD: string = '';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_NAME must be a lower-case PostgreSQL identifier' })
  DB_NAME: string = 'patient_online';

  @Transform(toInt) @IsInt() @Min(1) @Max(500)
  DB_POOL_SIZE: number = 20;

  @IsString() @IsNotEmpty()
  REDIS_HOST: string = '127.0.0.1';

  @Transform(toInt) @IsInt() @Min(1) @Max(65535)
  REDIS_PORT: number = 6379;

  @IsOptional() @IsString()
  REDIS_PASSWORD?: string;

  /** Namespaces every Redis key, so the tests, a demo and production never share queues. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, _ or -' })
  REDIS_PREFIX: string = 'pot';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Calendar "today" and job schedules are reckoned in this zone (DESIGN.md: Europe/London). */
  @IsString() @IsNotEmpty()
  APP_TIME_ZONE: string = 'Europe/London';

  /** Uploaded import files wait here until the worker has processed them: API, CLI and worker must share it. */
  @IsString() @IsNotEmpty()
  IMPORT_DIR: string = './var/imports';

  /** The largest file `POST /imports` accepts (413 above it). */
  @Transform(toInt) @IsInt() @Min(1)
  IMPORT_MAX_BYTES: number = 250 * 1024 * 1024;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError with one readable line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    if (env[key] !== undefined) raw[key] = env[key];
  }
  const config = Object.assign(new AppConfig(), plainToInstance(AppConfig, raw));
  const errors = validateSync(config, { whitelist: false });
  // One line per variable (its last-declared rule is the most basic, e.g. "must be an integer").
  const problems = errors.map((e) => {
    const messages = Object.values(e.constraints ?? {});
    return `${e.property}=${JSON.stringify(env[e.property])}: ${messages[messages.length - 1]}`;
  });
  if (!isKnownTimeZone(config.APP_TIME_ZONE)) {
    problems.push(`APP_TIME_ZONE=${JSON.stringify(config.APP_TIME_ZONE)}: not an IANA time zone such as Europe/London`);
  }
  if (problems.length) {
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}. Fix the environment variable(s) and start again.`);
  }
  return config;
}

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
