import { describe, expect, it } from 'vitest';
import { rovingRadio } from '../../renderer/src/components/rovingRadio';

const OPTIONS = ['PASS', 'FAIL', 'NOT_APPLICABLE'] as const;

describe('rovingRadio', () => {
  it('makes the first option the one Tab stop while none is chosen', () => {
    const tabIndexOf = rovingRadio(OPTIONS, null);
    expect(OPTIONS.map(tabIndexOf)).toEqual([0, -1, -1]);
    expect(OPTIONS.map(rovingRadio(OPTIONS, undefined))).toEqual([0, -1, -1]);
  });

  it('makes the chosen option the one Tab stop', () => {
    expect(OPTIONS.map(rovingRadio(OPTIONS, 'FAIL'))).toEqual([-1, 0, -1]);
  });

  it('falls back to the first option for a value the group does not offer', () => {
    expect(OPTIONS.map(rovingRadio<string>(OPTIONS, 'UNKNOWN'))).toEqual([0, -1, -1]);
  });
});
