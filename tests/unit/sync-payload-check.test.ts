import { describe, expect, it } from 'vitest';
import { checkSyncPayload } from '../../shared/sync/payloads';

const answer = {
  validationId: '6f1c1b1e-8a59-4a43-9d7e-3a4f8c1d2b10',
  criterionId: '1.1',
  result: 'COMPLIANT',
  notes: '',
  siteId: null,
  verificationMethods: ['OBSERVED_ON_SITE'],
  naJustification: '',
  version: 1,
  updatedAt: '2026-11-20T15:00:00.000Z',
  updatedBy: 'Dana Ruiz',
  baseVersion: 0,
};

describe('a payload with a field its schema does not have', () => {
  it('names a plain unknown field as written', () => {
    const checked = checkSyncPayload('criterion_response', 'upsert', { ...answer, reviewerOverride: true });
    expect(checked).toMatchObject({ ok: false, reason: 'unknown field reviewerOverride' });
  });

  it('quotes an unknown field whose name is empty, blank or not a plain name, so the SCSS sees which', () => {
    const checked = checkSyncPayload('criterion_response', 'upsert', { ...answer, '': 1, ' ': 2, 'a b': 3 });
    expect(checked).toMatchObject({ ok: false, reason: 'unknown fields "", " ", "a b"' });
  });
});
