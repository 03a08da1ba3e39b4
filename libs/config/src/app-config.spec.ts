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
  ])('stops with one line naming the variable: %j', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
    expect(() => loadConfig(env)).toThrow(/Fix the environment variable/);
  });
});
