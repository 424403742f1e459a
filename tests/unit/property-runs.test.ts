import { describe, expect, it } from 'vitest';
import { PropertyRunSettingError, propertyRun, propertyTimeout } from '../property-runs';

describe('property-based run settings', () => {
  const fixed = { seed: 20261202, numRuns: 250 };

  it('keeps each test’s own seed and run count when nothing is asked, so npm test repeats exactly', () => {
    expect(propertyRun(fixed, {})).toEqual(fixed);
    expect(propertyRun(fixed, { PROPERTY_SEED: ' ', PROPERTY_RUNS_FACTOR: '' })).toEqual(fixed);
    expect(propertyTimeout(120_000, {})).toBe(120_000);
  });

  it('takes another seed and scales the runs and the time limit together', () => {
    const env = { PROPERTY_SEED: '-77', PROPERTY_RUNS_FACTOR: '20' };
    expect(propertyRun(fixed, env)).toEqual({ seed: -77, numRuns: 5_000 });
    expect(propertyTimeout(180_000, env)).toBe(3_600_000);
    // Fewer runs for a quick look, never none, and never a shorter time limit.
    expect(propertyRun(fixed, { PROPERTY_RUNS_FACTOR: '0.001' }).numRuns).toBe(1);
    expect(propertyTimeout(5_000, { PROPERTY_RUNS_FACTOR: '0.5' })).toBe(5_000);
  });

  it('refuses a setting it cannot use, naming it, rather than running the fixed seed unnoticed', () => {
    expect(() => propertyRun(fixed, { PROPERTY_SEED: 'abc' })).toThrow(
      new PropertyRunSettingError('PROPERTY_SEED must be a whole number; it is "abc"'),
    );
    expect(() => propertyRun(fixed, { PROPERTY_SEED: '1.5' })).toThrow(/PROPERTY_SEED must be a whole number/);
    for (const factor of ['0', '-2', 'ten', 'Infinity']) {
      expect(() => propertyRun(fixed, { PROPERTY_RUNS_FACTOR: factor })).toThrow(
        `PROPERTY_RUNS_FACTOR must be a number above 0; it is "${factor}"`,
      );
    }
  });
});
