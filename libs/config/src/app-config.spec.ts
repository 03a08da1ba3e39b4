import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DB_HOST: '127.0.0.1',
      DB_PORT: 5432,
      DB_USER: 'postgres',
      DB_NAME: 'patient_online',
      REDIS_PORT: 6379,
      PORT: 3000,
      APP_TIME_ZONE: 'Europe/London',
    });
  });

  it('has the job defaults of docs/follow-ups.md, and e-mail off', () => {
    expect(loadConfig({})).toMatchObject({
      FOLLOW_UP_DUE_DAYS: 14,
      FOLLOW_UP_DUE_HOUR: 7,
      ESCALATE_AFTER_DAYS: 7,
      CRON_DAILY_DIGEST: '0 7 * * 1-5',
      CRON_OVERDUE_ESCALATION: '30 7 * * *',
      CRON_NIGHTLY_SWEEP: '0 2 * * *',
      CRON_MONTH_END_SNAPSHOT: '0 3 1 * *',
      OUTBOX_POLL_MS: 1000,
      SMTP_URL: undefined,
    });
    expect(
      loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example.org:587', CRON_NIGHTLY_SWEEP: '15 1 * * *' }),
    ).toMatchObject({
      SMTP_URL: 'smtp://user:secret@mail.example.org:587',
      CRON_NIGHTLY_SWEEP: '15 1 * * *',
    });
  });

  it('reads and converts the environment', () => {
    expect(loadConfig({ DB_PORT: '5433', PORT: '8080', DB_NAME: 'tracker' })).toMatchObject({
      DB_PORT: 5433,
      PORT: 8080,
      DB_NAME: 'tracker',
    });
  });

  it.each([
    [{ DB_PORT: 'abc' }, /DB_PORT="abc"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ DB_NAME: 'Bad-Name' }, /DB_NAME must be a lower-case PostgreSQL identifier/],
    [{ APP_TIME_ZONE: 'Mars/Olympus' }, /APP_TIME_ZONE="Mars\/Olympus": not an IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud"/],
    [{ JWT_TTL_SECONDS: '10' }, /JWT_TTL_SECONDS="10"/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS="\*": CORS_ORIGINS must be comma-separated origins/],
    [{ ADMIN_EMAIL: 'admin@example.nhs.uk' }, /ADMIN_EMAIL and ADMIN_PASSWORD: give both/],
    [{ CRON_DAILY_DIGEST: '7am' }, /CRON_DAILY_DIGEST="7am": CRON_DAILY_DIGEST must be a five-field cron expression/],
    [{ SMTP_URL: 'mail.example.org' }, /SMTP_URL="mail.example.org": SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: '' }, /SMTP_FROM is needed when SMTP_URL is set/],
    [{ ESCALATE_AFTER_DAYS: '-1' }, /ESCALATE_AFTER_DAYS="-1"/],
  ])('stops with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(/Fix the environment variable/);
  });

  it('never echoes a secret in its message', () => {
    const attempt = () =>
      loadConfig({ JWT_SECRET: 'short-secret-value', ADMIN_EMAIL: 'a@example.nhs.uk', ADMIN_PASSWORD: 'tiny-pass' });
    expect(attempt).toThrow(/JWT_SECRET=\(hidden\): JWT_SECRET must be at least 32 characters/);
    expect(attempt).toThrow(/ADMIN_PASSWORD=\(hidden\): ADMIN_PASSWORD must be at least 12 characters/);
    expect(attempt).not.toThrow(/short-secret-value|tiny-pass/);
  });

  it('reads the people and access settings', () => {
    expect(loadConfig({})).toMatchObject({
      JWT_TTL_SECONDS: 900,
      JWT_REFRESH_TTL_SECONDS: 28800,
      LOGIN_MAX_FAILURES: 5,
      TRUST_PROXY_HOPS: 0,
    });
    expect(loadConfig({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '', JWT_SECRET: '', CORS_ORIGINS: '' })).toMatchObject({
      ADMIN_EMAIL: undefined,
      JWT_SECRET: undefined,
      CORS_ORIGINS: undefined,
    });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.nhs.uk, http://localhost:4200' }).CORS_ORIGINS).toBe(
      'https://a.example.nhs.uk, http://localhost:4200',
    );
  });
});
