import { isStaleTestDatabase } from './test-database';

describe('isStaleTestDatabase (a run drops only what ended runs left behind)', () => {
  const now = 1_800_000_000;
  const twoHoursAgo = `${now - 7200}_ab12`;
  const aMinuteAgo = `${now - 60}_cd34`;

  it('drops the databases of an ended run more than an hour old', () => {
    expect(isStaleTestDatabase(`pot_test_${twoHoursAgo}_4242_0`, new Set(), now)).toBe(true);
    expect(isStaleTestDatabase(`pot_test_${twoHoursAgo}_tpl`, new Set(), now)).toBe(true);
  });

  it('keeps those of a run still going, however old, and of any run younger than an hour', () => {
    expect(isStaleTestDatabase(`pot_test_${twoHoursAgo}_4242_0`, new Set([twoHoursAgo]), now)).toBe(false);
    expect(isStaleTestDatabase(`pot_test_${twoHoursAgo}_tpl`, new Set([twoHoursAgo]), now)).toBe(false);
    expect(isStaleTestDatabase(`pot_test_${aMinuteAgo}_4242_0`, new Set(), now)).toBe(false);
  });

  it('leaves other databases alone', () => {
    expect(isStaleTestDatabase('patient_online', new Set(), now)).toBe(false);
    expect(isStaleTestDatabase('pot_bench_england', new Set(), now)).toBe(false);
  });
});
