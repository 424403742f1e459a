import { describe, expect, it } from 'vitest';
import { checklistOutcome } from '../../renderer/src/screens/worksheet/checklist-outcome';

describe('checklistOutcome (a submitted inspection in words)', () => {
  it('counts what was recorded and names each failed item with its note', () => {
    const outcome = checklistOutcome({
      kind: 'CONTAINER_7_POINT',
      refrigerated: true,
      label: 'MSKU 123456-7',
      items: [
        { key: 'front-wall', status: 'PASS', note: '' },
        { key: 'floor', status: 'FAIL', note: 'False floor panel: new screws' },
        { key: 'fan-housing', status: 'NOT_APPLICABLE', note: '' },
        { key: 'doors', status: null, note: '' },
      ],
    });
    expect(outcome.title).toBe('8-point container inspection: MSKU 123456-7');
    expect(outcome.tally).toBe('3 of 8 items recorded: 1 passed, 1 failed, 1 not applicable');
    expect(outcome.failed).toEqual([{ label: 'Floor', note: 'False floor panel: new screws' }]);
  });

  it('names the group of a failed tractor or trailer item, and an unlabelled inspection by its kind', () => {
    const outcome = checklistOutcome({
      kind: 'TRACTOR_TRAILER_17_POINT',
      refrigerated: false,
      label: '',
      items: [{ key: 'trailer-floor', status: 'FAIL', note: '' }],
    });
    expect(outcome.title).toBe('17-point tractor/trailer inspection');
    expect(outcome.tally).toBe('1 of 17 items recorded: 1 failed');
    expect(outcome.failed).toEqual([{ label: 'Trailer: Floor', note: '' }]);
  });

  it('says nothing was recorded when no item has a status', () => {
    expect(checklistOutcome({ kind: 'CONTAINER_7_POINT', refrigerated: false, label: '', items: [] }).tally).toBe(
      '0 of 7 items recorded',
    );
  });
});
