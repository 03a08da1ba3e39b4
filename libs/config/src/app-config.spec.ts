import { loadConfig } from './app-config';

describe('loadConfig', () => {
  it('has safe local defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ DB_HOST: '127.0.0.1', DB_PORT: 5432, DB_USER: 'postgres', DB_NAME: 'patient_online', REDIS_PORT: 6379, PORT: 3000, APP_TIME_ZONE: 'Europe/London' });
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
    [{ JWT_TTL_SECONDS: '10' }, /JWT_TTL_SECONDS="10"/],
    [{ CORS_ORIGINS: '*' }, /CORS_ORIGINS="\*": CORS_ORIGINS must be comma-separated origins/],
    [{ ADMIN_EMAIL: 'admin@example.nhs.uk' }, /ADMIN_EMAIL and ADMIN_PASSWORD: give both/],
  ])('stops with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(/Fix the environment variable/);
  });

  it('never echoes a secret in its message', () => {
    const attempt = () => loadConfig({ JWT_SECRET: 'short-secret-value', ADMIN_EMAIL: 'a@example.nhs.uk', ADMIN_PASSWORD: 'tiny-pass' });
    expect(attempt).toThrow(/JWT_SECRET=\(hidden\): JWT_SECRET must be at least 32 characters/);
    expect(attempt).toThrow(/ADMIN_PASSWORD=\(hidden\): ADMIN_PASSWORD must be at least 12 characters/);
    expect(attempt).not.toThrow(/short-secret-value|tiny-pass/);
  });

  it('reads the people and access settings', () => {
    expect(loadConfig({})).toMatchObject({ JWT_TTL_SECONDS: 900, JWT_REFRESH_TTL_SECONDS: 28800, LOGIN_MAX_FAILURES: 5, TRUST_PROXY_HOPS: 0 });
    expect(loadConfig({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '', JWT_SECRET: '', CORS_ORIGINS: '' })).toMatchObject({ ADMIN_EMAIL: undefined, JWT_SECRET: undefined, CORS_ORIGINS: undefined });
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example.nhs.uk, http://localhost:4200' }).CORS_ORIGINS).toBe('https://a.example.nhs.uk, http://localhost:4200');
  });
});
