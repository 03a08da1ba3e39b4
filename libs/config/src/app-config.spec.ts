import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DB_HOST: '127.0.0.1', DB_PORT: 5432, DB_USER: 'postgres', DB_NAME: 'patient_online', REDIS_PORT: 6379, PORT: 3000, APP_TIME_ZONE: 'Europe/London' });
  });

  it('has the job defaults of docs/follow-ups.md, and e-mail off', () => {
    expect(loadConfig({})).toMatchObject({
      FOLLOW_UP_DUE_DAYS: 14, FOLLOW_UP_DUE_HOUR: 7, ESCALATE_AFTER_DAYS: 7, CRON_DAILY_DIGEST: '0 7 * * 1-5', CRON_OVERDUE_ESCALATION: '30 7 * * *',
      CRON_NIGHTLY_SWEEP: '0 2 * * *', CRON_MONTH_END_SNAPSHOT: '0 3 1 * *', OUTBOX_POLL_MS: 1000, SMTP_URL: undefined,
    });
    expect(loadConfig({ SMTP_URL: 'smtp://user:secret@mail.example.org:587', CRON_NIGHTLY_SWEEP: '15 1 * * *' })).toMatchObject({
      SMTP_URL: 'smtp://user:secret@mail.example.org:587', CRON_NIGHTLY_SWEEP: '15 1 * * *',
    });
  });

  it('reads and converts the environment', () => {
    expect(loadConfig({ DB_PORT: '5433', PORT: '8080', DB_NAME: 'tracker' })).toMatchObject({ DB_PORT: 5433, PORT: 8080, DB_NAME: 'tracker' });
  });

  it.each([
    [{ DB_PORT: 'abc' }, /DB_PORT="abc"/],
    [{ PORT: '70000' }, /PORT="70000"/],
    [{ DB_NAME: 'Bad-Name' }, /DB_NAME must be a lower-case PostgreSQL identifier/],
    [{ APP_TIME_ZONE: 'Mars/Olympus' }, /APP_TIME_ZONE="Mars\/Olympus": not an IANA time zone/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL="loud"/],
    [{ CRON_DAILY_DIGEST: '7am' }, /CRON_DAILY_DIGEST="7am": CRON_DAILY_DIGEST must be a five-field cron expression/],
    [{ SMTP_URL: 'mail.example.org' }, /SMTP_URL="mail.example.org": SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: 'smtp://mail.example.org', SMTP_FROM: '' }, /SMTP_FROM is needed when SMTP_URL is set/],
    [{ ESCALATE_AFTER_DAYS: '-1' }, /ESCALATE_AFTER_DAYS="-1"/],
  ])('stops with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(/Fix the environment variable/);
  });
});
