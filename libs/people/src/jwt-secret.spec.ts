import { loadConfig } from '@app/config';
import { resolveJwtSecret } from './jwt-secret';

describe('resolveJwtSecret', () => {
  it('requires JWT_SECRET in production, with a message saying how to make one', () => {
    expect(() => resolveJwtSecret(loadConfig({ NODE_ENV: 'production' }))).toThrow(
      /JWT_SECRET is required when NODE_ENV=production .*openssl rand/,
    );
  });

  it('uses JWT_SECRET when set', () => {
    const secret = 'x'.repeat(40);
    expect(resolveJwtSecret(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }))).toBe(secret);
  });

  it('makes one random secret per process in development and test', () => {
    const a = resolveJwtSecret(loadConfig({ NODE_ENV: 'test' }));
    expect(a.length).toBeGreaterThanOrEqual(32);
    expect(resolveJwtSecret(loadConfig({ NODE_ENV: 'test' }))).toBe(a);
  });
});
