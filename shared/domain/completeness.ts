import type { Criterion } from '../catalog/schema';
import { type Message, type MessageKey, type MessageParams, message } from '../messages';
import type { CompletenessProblem, CompletenessReport } from './completeness-types';
import { dueDateBeforeReportRefusal, earliestReportDate } from './due-dates';
import type { Evidence, Finding, Site } from './field-work';
import { findingPlacementProblem } from './finding-rules';
import type { CriterionResponse, ResponseResult, ValidationMode } from './validation';

export type CompletenessInput = {
  mode: ValidationMode;
  criteria: ReadonlyArray<Pick<Criterion, 'id' | 'category' | 'level'>>;
  responses: ReadonlyArray<CriterionResponse>;
  findings: ReadonlyArray<Finding>;
  evidence: ReadonlyArray<Evidence>;
  sites: ReadonlyArray<Site>;
  /** The SCSS's date (YYYY-MM-DD): the report cannot be dated earlier, so no response may be due before it. */
  today: string;
  /** Extra problems from rules that live elsewhere (inspection checklists, the virtual session log). */
  extra?: ReadonlyArray<CompletenessProblem>;
};

const problem = (
  severity: CompletenessProblem['severity'],
  code: CompletenessProblem['code'],
  text: Message,
  criterion?: { id: string; category: number },
): CompletenessProblem => ({
  severity,
  code,
  ...text,
  criterionId: criterion?.id ?? null,
  category: criterion?.category ?? null,
});

/** The message of a problem about one criterion, which names it as `id`. */
const about = (criterion: { id: string }, key: MessageKey, params: MessageParams = {}): Message =>
  message(key, { id: criterion.id, ...params });

type CriterionRef = Pick<Criterion, 'id' | 'category' | 'level'>;

/**
 * A finding's own problems: where it stands (an Action Required finding needs a Deficient Must criterion, a
 * Recommendation a Compliant criterion or a Deficient Should one), and what it must say. Only an Action Required
 * finding needs a deficiency reason and a response due date, not before the report date.
 */
function findingProblems(
  criterion: CriterionRef,
  finding: Finding,
  result: ResponseResult,
  today: string,
): CompletenessProblem[] {
  const found: CompletenessProblem[] = [];
  const placement = findingPlacementProblem(criterion, finding.classification, result);
  if (placement?.code === 'FINDING_ON_NON_DEFICIENT') {
    // A finding that should not be there at all: what it says does not matter.
    return [problem('error', placement.code, placement, criterion)];
  }
  if (placement) found.push(problem('error', placement.code, placement, criterion));
  if (finding.classification === 'ACTION_REQUIRED') {
    if (!finding.reasonCode) {
      found.push(
        problem('error', 'FINDING_WITHOUT_REASON', about(criterion, 'completeness.findingWithoutReason'), criterion),
      );
    }
    if (!finding.dueDate) {
      found.push(
        problem('error', 'FINDING_WITHOUT_DUE_DATE', about(criterion, 'completeness.findingWithoutDueDate'), criterion),
      );
    } else {
      const early = dueDateBeforeReportRefusal(finding.dueDate, earliestReportDate(today));
      if (early) {
        const text = about(criterion, 'completeness.dueBeforeReport', { refusal: [early] });
        found.push(problem('error', 'FINDING_DUE_BEFORE_REPORT_DATE', text, criterion));
      }
    }
  }
  if (finding.description.trim() === '') {
    found.push(
      problem(
        'error',
        'FINDING_WITHOUT_DESCRIPTION',
        about(
          criterion,
          finding.classification === 'RECOMMENDATION'
            ? 'completeness.recommendationSaysNothing'
            : 'completeness.findingWithoutDescription',
        ),
        criterion,
      ),
    );
  }
  return found;
}

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
    problems.push(problem('warning', 'NO_SITES', message('completeness.noSites')));
  }

  for (const criterion of input.criteria) {
    const response = responses.get(criterion.id);
    const finding = findings.get(criterion.id);
    const result = response?.result ?? null;
    if (result === null) {
      problems.push(problem('error', 'UNANSWERED', about(criterion, 'completeness.unanswered'), criterion));
      continue;
    }
    if (result === 'DEFICIENT' && !finding) {
      const text = about(criterion, 'completeness.deficientWithoutFinding');
      problems.push(problem('error', 'DEFICIENT_WITHOUT_FINDING', text, criterion));
    }
    if (finding) problems.push(...findingProblems(criterion, finding, result, input.today));
    if (
      result === 'NOT_APPLICABLE' &&
      criterion.level !== 'SHOULD' &&
      (response?.naJustification ?? '').trim() === ''
    ) {
      problems.push(
        problem(
          'error',
          'MUST_NA_WITHOUT_JUSTIFICATION',
          about(criterion, 'completeness.mustNotApplicableWithoutJustification'),
          criterion,
        ),
      );
    }
    if (result !== 'NOT_APPLICABLE' && (response?.verificationMethods.length ?? 0) === 0) {
      const text = about(criterion, 'completeness.noVerificationMethod');
      problems.push(problem('warning', 'NO_VERIFICATION_METHOD', text, criterion));
    }
    if (input.mode === 'VIRTUAL' && result === 'COMPLIANT' && !evidenceByCriterion.has(criterion.id)) {
      problems.push(
        problem(
          'warning',
          'VIRTUAL_COMPLIANT_WITHOUT_EVIDENCE',
          about(criterion, 'completeness.virtualCompliantWithoutEvidence'),
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
