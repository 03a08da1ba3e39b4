import { propertyChunks } from './property-runs';

describe('propertyChunks (PROPERTY_RUNS)', () => {
  it('runs one chunk by default, and PROPERTY_RUNS cases in tests of at most one chunk', () => {
    expect(propertyChunks(10, {})).toEqual([10]);
    expect(propertyChunks(10, { PROPERTY_RUNS: '40' })).toEqual([10, 10, 10, 10]);
    expect(propertyChunks(10, { PROPERTY_RUNS: '25' })).toEqual([10, 10, 5]);
    expect(propertyChunks(10, { PROPERTY_RUNS: '3' })).toEqual([3]);
  });

  it('refuses a value that is not a positive whole number, naming the variable', () => {
    for (const bad of ['0', '-5', '2.5', 'many'])
      expect(() => propertyChunks(10, { PROPERTY_RUNS: bad })).toThrow(/^PROPERTY_RUNS="[^"]+": PROPERTY_RUNS must be/);
  });
});
