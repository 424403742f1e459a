import type { TFunction } from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/src/i18n';
import { checklistOutcome as outcomeIn } from '../../renderer/src/screens/worksheet/checklist-outcome';

const t = i18n.t.bind(i18n) as unknown as TFunction;
const checklistOutcome = (checklist: Parameters<typeof outcomeIn>[1]) => outcomeIn(t, checklist);

afterEach(async () => {
  await i18n.changeLanguage('en');
});

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

  it('is written in Spanish when the interface is: the checklist’s name, the tally and the failed items', async () => {
    await i18n.changeLanguage('es');
    const outcome = checklistOutcome({
      kind: 'TRACTOR_TRAILER_17_POINT',
      refrigerated: false,
      label: 'Tractor 42',
      items: [
        { key: 'trailer-floor', status: 'FAIL', note: 'Tablas nuevas' },
        { key: 'tractor-bumper-tires-rims', status: 'PASS', note: '' },
      ],
    });
    expect(outcome.title).toBe('Inspección de tractor/remolque de 17 puntos: Tractor 42');
    expect(outcome.tally).toBe('2 de 17 puntos registrados: 1 aprobado, 1 no aprobado');
    expect(outcome.failed).toEqual([{ label: 'Remolque: Piso', note: 'Tablas nuevas' }]);
  });
});
