import { VerifiedTokens } from './verified-tokens';

describe('VerifiedTokens', () => {
  const exp = 1_800_000_000; // seconds
  const claims = { sub: '7', ver: 1, exp };

  it('answers the claims of a remembered token for its own audience only', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    expect(tokens.get('t', 'pot-api', exp * 1000 - 1)).toBeUndefined();
    tokens.remember('t', 'pot-api', claims);
    expect(tokens.get('t', 'pot-api', exp * 1000 - 1)).toBe(claims);
    expect(tokens.get('t', 'pot-refresh', exp * 1000 - 1)).toBeUndefined();
    expect(tokens.get('other', 'pot-api', exp * 1000 - 1)).toBeUndefined();
  });

  it('forgets a token from its expiry second on, as jsonwebtoken refuses it', () => {
    const tokens = new VerifiedTokens<typeof claims>();
    tokens.remember('t', 'pot-api', claims);
    expect(tokens.get('t', 'pot-api', exp * 1000 - 1)).toBe(claims);
    expect(tokens.get('t', 'pot-api', exp * 1000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('holds at most its capacity, dropping the oldest', () => {
    const tokens = new VerifiedTokens<typeof claims>(2);
    for (const t of ['a', 'b', 'c']) tokens.remember(t, 'pot-api', claims);
    expect(tokens.size).toBe(2);
    expect(tokens.get('a', 'pot-api', 0)).toBeUndefined();
    expect(tokens.get('b', 'pot-api', 0)).toBe(claims);
    expect(tokens.get('c', 'pot-api', 0)).toBe(claims);
  });
});
