import type { Criterion } from '../catalog/schema';
import type { CompletenessProblem, CompletenessReport } from './completeness-types';
import type { Evidence, Finding, Site } from './field-work';
import type { CriterionResponse, ValidationMode } from './validation';

export type CompletenessInput = {
  mode: ValidationMode;
  criteria: ReadonlyArray<Pick<Criterion, 'id' | 'category' | 'level'>>;
  responses: ReadonlyArray<CriterionResponse>;
  findings: ReadonlyArray<Finding>;
  evidence: ReadonlyArray<Evidence>;
  sites: ReadonlyArray<Site>;
  /** Extra problems from rules that live elsewhere (inspection checklists, the virtual session log). */
  extra?: ReadonlyArray<CompletenessProblem>;
};

const problem = (
  severity: CompletenessProblem['severity'],
  code: CompletenessProblem['code'],
  message: string,
  criterion?: { id: string; category: number },
): CompletenessProblem => ({
  severity,
  code,
  message,
  criterionId: criterion?.id ?? null,
  category: criterion?.category ?? null,
});

/**
 * What stands between this worksheet and submission. Errors block submit; warnings are shown but
 * do not. Problems come in worksheet order so the list reads like the worksheet.
 */
export function checkWorksheetCompleteness(input: CompletenessInput): CompletenessReport {
  const problems: CompletenessProblem[] = [];
  const responses = new Map(input.responses.map((r) => [r.criterionId, r]));
  const findings = new Map(input.findings.map((f) => [f.criterionId, f]));
  const evidenceByCriterion = new Set(
    input.evidence.flatMap((e) => [e.criterionId, input.findings.find((f) => f.id === e.findingId)?.criterionId]),
  );

  if (input.sites.length === 0) {
    problems.push(problem('warning', 'NO_SITES', 'No sites are recorded for this validation.'));
  }

  for (const criterion of input.criteria) {
    const response = responses.get(criterion.id);
    const finding = findings.get(criterion.id);
    const result = response?.result ?? null;
    if (result === null) {
      problems.push(problem('error', 'UNANSWERED', `${criterion.id} has no result.`, criterion));
      continue;
    }
    if (result === 'DEFICIENT') {
      if (!finding) {
        problems.push(
          problem('error', 'DEFICIENT_WITHOUT_FINDING', `${criterion.id} is Deficient but has no finding.`, criterion),
        );
      } else {
        if (!finding.reasonCode) {
          problems.push(
            problem(
              'error',
              'FINDING_WITHOUT_REASON',
              `The finding on ${criterion.id} has no deficiency reason.`,
              criterion,
            ),
          );
        }
        if (!finding.dueDate) {
          problems.push(
            problem(
              'error',
              'FINDING_WITHOUT_DUE_DATE',
              `The finding on ${criterion.id} has no response due date.`,
              criterion,
            ),
          );
        }
        if (finding.description.trim() === '') {
          problems.push(
            problem(
              'error',
              'FINDING_WITHOUT_DESCRIPTION',
              `The finding on ${criterion.id} has no description.`,
              criterion,
            ),
          );
        }
      }
    } else if (finding) {
      problems.push(
        problem(
          'error',
          'FINDING_ON_NON_DEFICIENT',
          `${criterion.id} has a finding but is not marked Deficient: remove the finding or change the result.`,
          criterion,
        ),
      );
    }
    if (
      result === 'NOT_APPLICABLE' &&
      criterion.level !== 'SHOULD' &&
      (response?.naJustification ?? '').trim() === ''
    ) {
      problems.push(
        problem(
          'error',
          'MUST_NA_WITHOUT_JUSTIFICATION',
          `${criterion.id} is a Must criterion marked Not applicable without a justification.`,
          criterion,
        ),
      );
    }
    if (result !== 'NOT_APPLICABLE' && (response?.verificationMethods.length ?? 0) === 0) {
      problems.push(
        problem('warning', 'NO_VERIFICATION_METHOD', `${criterion.id} does not say how it was verified.`, criterion),
      );
    }
    if (input.mode === 'VIRTUAL' && result === 'COMPLIANT' && !evidenceByCriterion.has(criterion.id)) {
      problems.push(
        problem(
          'warning',
          'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE',
          `${criterion.id} is Compliant in a virtual validation with no evidence attached.`,
          criterion,
        ),
      );
    }
  }
  // Extra problems (checklists, the session log) join the list in worksheet order.
  const order = new Map(input.criteria.map((c, i) => [c.id, i]));
  const position = (p: CompletenessProblem) => (p.criterionId === null ? -1 : (order.get(p.criterionId) ?? -1));
  problems.push(...(input.extra ?? []));
  problems.sort((a, b) => position(a) - position(b));
  const errors = problems.filter((p) => p.severity === 'error');
  return { ready: errors.length === 0, errors, warnings: problems.filter((p) => p.severity === 'warning') };
}
