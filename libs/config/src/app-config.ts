import { plainToInstance, Transform } from 'class-transformer';
import {
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { DEFAULT_TIME_ZONE, isKnownTimeZone } from '@app/domain';

/** Five cron fields (minute hour day-of-month month day-of-week), as Bull's cron parser reads them. */
const CRON = /^\S+(\s+\S+){4}$/;
const cronMessage = (name: string) => ({ message: `${name} must be a five-field cron expression, e.g. "0 7 * * 1-5"` });

const toInt = ({ value }: { value: unknown }) =>
  value === undefined || value === ''
    ? undefined
    : typeof value === 'string' && /^-?\d+$/.test(value)
      ? Number(value)
      : value;

/** A whole-number setting from min to max (inclusive), given as text in the environment. */
function IntSetting(min: number, max: number): PropertyDecorator {
  const rules = [Transform(toInt), IsInt(), Min(min), Max(max)];
  return (target, key) => rules.forEach((rule) => rule(target, key));
}

/**
 * Every setting the apps read, with safe local defaults. Validated once at start-up so a typo stops the
 * process with one line naming the variable, instead of failing later in some request.
 */
export class AppConfig {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: string = 'development';

  @IntSetting(1, 65535)
  PORT: number = 3000;

  @IsString()
  @IsNotEmpty()
  DB_HOST: string = '127.0.0.1';

  @IntSetting(1, 65535)
  DB_PORT: number = 5432;

  @IsString()
  @IsNotEmpty()
  DB_USER: string = 'postgres';

  @IsString()
  DB_PASSWORD: string = '';

  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'DB_NAME must be a lower-case PostgreSQL identifier' })
  DB_NAME: string = 'patient_online';

  @IntSetting(1, 500)
  DB_POOL_SIZE: number = 20;

  @IsString()
  @IsNotEmpty()
  REDIS_HOST: string = '127.0.0.1';

  @IntSetting(1, 65535)
  REDIS_PORT: number = 6379;

  @IsOptional()
  @IsString()
  REDIS_PASSWORD?: string;

  /** Namespaces every Redis key, so the tests, a demo and production never share queues. */
  @Matches(/^[A-Za-z0-9_-]{1,40}$/, { message: 'REDIS_PREFIX must be 1-40 letters, digits, _ or -' })
  REDIS_PREFIX: string = 'pot';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL: string = 'info';

  /** Calendar "today" and job schedules are reckoned in this zone (DESIGN.md: Europe/London). */
  @IsString()
  @IsNotEmpty()
  APP_TIME_ZONE: string = DEFAULT_TIME_ZONE;

  /** Uploaded import files wait here until the worker has processed them: API, CLI and worker must share it. */
  @IsString()
  @IsNotEmpty()
  IMPORT_DIR: string = './var/imports';

  /** The web app's build (`npm run web:build`), served by the API at `/`. */
  @IsString()
  @IsNotEmpty()
  WEB_DIST_DIR: string = './apps/web/dist';

  /** The largest file `POST /imports` accepts (413 above it). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  IMPORT_MAX_BYTES: number = 250 * 1024 * 1024;

  // ---- people and access (docs/people.md) ----

  /**
   * Signs access and refresh tokens (HS256). Required when NODE_ENV=production (the API refuses to start
   * without it); in development and test a random one is made per process, so tokens die at restart.
   */
  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters, e.g. the output of: openssl rand -base64 48' })
  JWT_SECRET?: string = undefined;

  /** Lifetime of an access token. Short, because a token is a bearer credential. */
  @IntSetting(60, 86400)
  JWT_TTL_SECONDS: number = 900;

  /** Lifetime of a refresh token (POST /auth/refresh): a working day by default. */
  @IntSetting(300, 2_592_000)
  JWT_REFRESH_TTL_SECONDS: number = 28800;

  /** The first admin, created at API start-up when no active admin exists (give both or neither). */
  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an e-mail address' })
  ADMIN_EMAIL?: string = undefined;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  @MaxLength(256)
  ADMIN_PASSWORD?: string = undefined;

  /** Failed sign-ins to one account before it is locked for LOGIN_LOCK_SECONDS. */
  @IntSetting(1, 100)
  LOGIN_MAX_FAILURES: number = 5;

  @IntSetting(1, 86400)
  LOGIN_LOCK_SECONDS: number = 900;

  /** Sign-in and refresh requests per minute from one IP address (NHS sites share addresses: keep it generous). */
  @IntSetting(1, 10000)
  LOGIN_IP_LIMIT_PER_MINUTE: number = 30;

  /** Browser origins allowed to call the API, comma-separated (e.g. https://tracker.example.nhs.uk). Unset: none. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s,/]+(\s*,\s*https?:\/\/[^\s,/]+)*$/, {
    message: 'CORS_ORIGINS must be comma-separated origins such as https://tracker.example.nhs.uk',
  })
  CORS_ORIGINS?: string = undefined;

  /** Proxies in front of the API whose X-Forwarded-For is trusted (0: none), so sign-in limits see real addresses. */
  @IntSetting(0, 10)
  TRUST_PROXY_HOPS: number = 0;

  // ---- follow-ups, reminders and the worker's schedules (times in APP_TIME_ZONE) ----

  /** A new follow-up is due this many days after it was opened. */
  @IntSetting(1, 365)
  FOLLOW_UP_DUE_DAYS: number = 14;

  /** The hour (0-23, APP_TIME_ZONE) on its due date at which a follow-up's due job fires. */
  @IntSetting(0, 23)
  FOLLOW_UP_DUE_HOUR: number = 7;

  /** Follow-ups overdue by more than this many days are reported to their region's managers. */
  @IntSetting(0, 365)
  ESCALATE_AFTER_DAYS: number = 7;

  @Matches(CRON, cronMessage('CRON_DAILY_DIGEST'))
  CRON_DAILY_DIGEST: string = '0 7 * * 1-5';

  @Matches(CRON, cronMessage('CRON_OVERDUE_ESCALATION'))
  CRON_OVERDUE_ESCALATION: string = '30 7 * * *';

  @Matches(CRON, cronMessage('CRON_NIGHTLY_SWEEP'))
  CRON_NIGHTLY_SWEEP: string = '0 2 * * *';

  @Matches(CRON, cronMessage('CRON_MONTH_END_SNAPSHOT'))
  CRON_MONTH_END_SNAPSHOT: string = '0 3 1 * *';

  /** How often the worker moves outbox rows into the queues (milliseconds; 0 stops the polling loop). */
  @IntSetting(0, 600000)
  OUTBOX_POLL_MS: number = 1000;

  /** Outbox rows moved per database transaction. */
  @IntSetting(1, 5000)
  OUTBOX_BATCH_SIZE: number = 200;

  /** Jobs each worker process runs at once per queue. */
  @IntSetting(1, 50)
  WORKER_CONCURRENCY: number = 2;

  /** E-mail reminders are sent only when this is set, e.g. smtp://user:pass@smtp.example.org:587. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @ValidateIf((c: AppConfig) => !!c.SMTP_URL)
  @IsString()
  @IsNotEmpty({ message: 'SMTP_FROM is needed when SMTP_URL is set' })
  SMTP_FROM: string = 'Patient Online tracker <no-reply@localhost>';
}

/** Optional settings where an empty value (e.g. `ADMIN_EMAIL: ${ADMIN_EMAIL:-}` in docker-compose) means unset. */
const BLANK_IS_UNSET = new Set(['JWT_SECRET', 'ADMIN_EMAIL', 'ADMIN_PASSWORD', 'CORS_ORIGINS']);

/** Never echoed back in a configuration error. */
const SECRETS = new Set(['DB_PASSWORD', 'REDIS_PASSWORD', 'JWT_SECRET', 'ADMIN_PASSWORD']);

export class ConfigError extends Error {}

/** Reads and validates the environment; throws a ConfigError with one readable line per problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const defaults = new AppConfig();
  const raw: Record<string, unknown> = {};
  for (const key of Object.keys(defaults)) {
    if (env[key] === undefined || (env[key] === '' && BLANK_IS_UNSET.has(key))) continue;
    raw[key] = env[key];
  }
  const config = Object.assign(new AppConfig(), plainToInstance(AppConfig, raw));
  const errors = validateSync(config, { whitelist: false });
  // One line per variable (its last-declared rule is the most basic, e.g. "must be an integer").
  const problems = errors.map((e) => {
    const messages = Object.values(e.constraints ?? {});
    const shown = SECRETS.has(e.property) ? '(hidden)' : JSON.stringify(env[e.property]);
    return `${e.property}=${shown}: ${messages[messages.length - 1]}`;
  });
  if (Boolean(config.ADMIN_EMAIL) !== Boolean(config.ADMIN_PASSWORD)) {
    problems.push('ADMIN_EMAIL and ADMIN_PASSWORD: give both (to create the first admin) or neither');
  }
  if (!isKnownTimeZone(config.APP_TIME_ZONE)) {
    problems.push(`APP_TIME_ZONE=${JSON.stringify(config.APP_TIME_ZONE)}: not an IANA time zone such as Europe/London`);
  }
  if (problems.length) {
    throw new ConfigError(
      `Invalid configuration: ${problems.join('; ')}. Fix the environment variable(s) and start again.`,
    );
  }
  return config;
}
