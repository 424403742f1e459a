import { describe, expect, it } from 'vitest';
import { buildReportModel, reportPhotos } from '../../shared/report/model';
import { FINDING_IDS, IMP_CRITERIA, INTERNAL_SECRETS, reportInput, SHA } from './report-fixture';

const GENERATED = '2026-03-21T12:00:00.000Z';
const member = (input = reportInput()) => buildReportModel(input, { audience: 'MEMBER', generatedAt: GENERATED });
const internal = (input = reportInput()) => buildReportModel(input, { audience: 'INTERNAL', generatedAt: GENERATED });

describe('buildReportModel', () => {
  it('puts Action Required findings first, in criterion order, then recommendations', () => {
    const model = member();
    expect(model.actionRequired.map((f) => f.criterionId)).toEqual(['4.1', '9.6']);
    expect(model.recommendations.map((f) => f.criterionId)).toEqual(['2.4']);
    expect(model.actionRequired[0]).toMatchObject({
      classificationLabel: 'Action required',
      reason: 'Not implemented',
      categoryName: 'Cybersecurity',
    });
    expect(model.actionRequired[0]?.criterionSummary).toBe(IMP_CRITERIA.find((c) => c.id === '4.1')?.summary);
    expect(model.actionRequired[0]?.requirements.length).toBeGreaterThan(0);
  });

  it('counts each category from the responses: compliant, deficient, not applicable and not assessed', () => {
    const input = reportInput();
    const model = member(input);
    for (const row of model.summary.categories) {
      const ids = IMP_CRITERIA.filter((c) => c.category === row.category).map((c) => c.id);
      const results = ids.map((id) => input.responses.find((r) => r.criterionId === id)?.result ?? null);
      expect(row.criteria, `category ${row.category}`).toBe(ids.length);
      expect(row.compliant).toBe(results.filter((r) => r === 'COMPLIANT').length);
      expect(row.deficient).toBe(results.filter((r) => r === 'DEFICIENT').length);
      expect(row.notApplicable).toBe(results.filter((r) => r === 'NOT_APPLICABLE').length);
      expect(row.assessed + row.notAssessed).toBe(ids.length);
    }
    expect(model.summary.categories.find((c) => c.category === 4)).toMatchObject({
      criteria: 13,
      deficient: 1,
      compliant: 12,
    });
    expect(model.summary.categories.find((c) => c.category === 12)).toMatchObject({ assessed: 7, notAssessed: 1 });
    expect(model.summary.totals).toEqual({
      criteria: 93,
      assessed: 92,
      compliant: 88,
      deficient: 3,
      notApplicable: 1,
      notAssessed: 1,
    });
  });

  it('gives a Member-facing report no internal section and none of the internal text', () => {
    const model = member();
    expect(model).not.toHaveProperty('internal');
    const text = JSON.stringify(model);
    for (const secret of INTERNAL_SECRETS) expect(text, secret).not.toContain(secret);
  });

  it('gives the internal report every internal item (so the Member check above can fail)', () => {
    const model = internal();
    const text = JSON.stringify(model);
    for (const secret of INTERNAL_SECRETS) expect(text, secret).toContain(secret);
    expect(model.internal.criterionDetails.find((d) => d.criterionId === '4.1')).toMatchObject({
      verificationMethods: ['Observed on site'],
      siteName: 'Houston distribution center',
    });
    expect(model.internal.evidenceManifest.map((e) => [e.fileName, e.observedRemotely, e.attachedTo])).toEqual([
      ['fence-gap.jpg', false, 'Finding on 9.6'],
      ['terminal.jpg', false, 'Criterion 4.1'],
      ['procedure-SECRET.pdf', true, 'Criterion 7.1'],
    ]);
    expect(model.internal.reviews.map((r) => [r.criterionId, r.decision])).toEqual([
      ['2.4', null],
      ['4.1', 'Concur'],
      ['9.6', null],
    ]);
    expect(model.internal.checklists[0]?.items.map((i) => i.status)).toEqual([
      'Pass',
      'Fail',
      'Not recorded',
      'Not recorded',
    ]);
    expect(model.internal.signature).toMatchObject({ signedByName: 'Dana Ruiz', contentSha256: 'd'.repeat(64) });
  });

  it('is a draft until the validation is submitted', () => {
    expect(member().draft).toBe(false);
    const draft = member(reportInput({ validation: { ...reportInput().validation, status: 'IN_PROGRESS' } }));
    expect(draft.draft).toBe(true);
    expect(draft.cover.status).toBe('Draft: not submitted');
  });

  it('counts response due dates from the report date once approved, else from each finding', () => {
    expect(member().actionRequired.map((f) => f.responseDueDate)).toEqual(['2026-06-18', '2026-06-18']);
    expect(member().responseRequest.dueDate).toBe('2026-06-18');
    const unapproved = member(reportInput({ reportDate: null, responseDueDate: null }));
    expect(unapproved.actionRequired.map((f) => f.responseDueDate)).toEqual(['2026-06-08', '2026-06-08']);
    expect(unapproved.responseRequest.dueDate).toBeNull();
  });

  it("shows a finding's photos and the photos of its criterion, never documents", () => {
    const model = member();
    const photosOf = (id: string) =>
      [...model.actionRequired, ...model.recommendations].find((f) => f.id === id)?.photos.map((p) => p.fileName);
    expect(photosOf(FINDING_IDS.ar96)).toEqual(['fence-gap.jpg']);
    expect(photosOf(FINDING_IDS.ar41)).toEqual(['terminal.jpg']);
    expect(reportPhotos(model).map((p) => p.sha256)).toEqual([SHA.criterionPhoto, SHA.findingPhoto]);
  });

  it('carries the marking, CUI unless told otherwise', () => {
    expect(member().marking).toBe('CUI');
    expect(
      buildReportModel(reportInput(), { audience: 'MEMBER', marking: 'CUI//SP-PRVCY', generatedAt: GENERATED }).marking,
    ).toBe('CUI//SP-PRVCY');
  });
});
