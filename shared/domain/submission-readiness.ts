import type { Criterion } from '../catalog/schema';
import type { MessageRef } from '../messages';
import { checkWorksheetCompleteness } from './completeness';
import type { CompletenessProblem, CompletenessReport } from './completeness-types';
import type { FingerprintInput } from './fingerprint';
import { checklistProblems, failedChecklistItemProblems, virtualSessionProblems } from './inspection-rules';
import type { ValidationMode } from './validation';

/** What of a criterion the submission rules read. */
export type ReadinessCriterion = Pick<Criterion, 'id' | 'category' | 'level' | 'checklists'>;

export type SubmissionContent = Pick<
  FingerprintInput,
  'responses' | 'findings' | 'evidence' | 'sites' | 'checklists' | 'virtualSessions'
>;

const categoryOf = (criterionId: string): number => Number(criterionId.split('.')[0]);

/**
 * Everything that stands between a worksheet and its submission: the worksheet rules, the inspection
 * checklists and the virtual session log. The laptop runs it before the SCSS signs; HQ runs it again on the
 * records it holds before it takes the submit, so nothing incomplete is counted as a submitted validation.
 */
export function submissionReadiness(
  mode: ValidationMode,
  criteria: readonly ReadinessCriterion[],
  content: SubmissionContent,
  today: string,
): CompletenessReport {
  return checkWorksheetCompleteness({
    mode,
    criteria,
    responses: content.responses,
    findings: content.findings,
    evidence: content.evidence,
    sites: content.sites,
    today,
    extra: [
      ...checklistProblems(criteria, content.responses, content.checklists).map(
        (p): CompletenessProblem => ({
          severity: 'warning',
          code: 'CHECKLIST_INCOMPLETE',
          ...p,
          criterionId: p.criterionId,
          category: categoryOf(p.criterionId),
        }),
      ),
      // A Compliant result contradicted by its own failed inspection blocks submission until resolved.
      ...failedChecklistItemProblems(content.responses, content.checklists).map(
        (p): CompletenessProblem => ({
          severity: 'error',
          code: 'CHECKLIST_FAILED_ON_COMPLIANT',
          ...p,
          criterionId: p.criterionId,
          category: categoryOf(p.criterionId),
        }),
      ),
      ...virtualSessionProblems(mode, content.virtualSessions).map(
        (text): CompletenessProblem => ({
          severity: 'warning',
          code: 'VIRTUAL_SESSION_MISSING',
          ...text,
          criterionId: null,
          category: null,
        }),
      ),
    ],
  });
}

/** The parameters of a "not complete" message: how many errors, the first three of them, and whether more follow. */
export function incompleteParams(report: CompletenessReport): { count: number; first: MessageRef[]; more: string } {
  return {
    count: report.errors.length,
    first: report.errors
      .slice(0, 3)
      .map((p): MessageRef => ({ key: p.key ?? 'errors.internal', ...(p.params ? { params: p.params } : {}) })),
    more: report.errors.length > 3 ? ' …' : '',
  };
}
