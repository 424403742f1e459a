import type { CriterionLevel } from '../catalog/schema';
import { type Message, message } from '../messages';
import { dueDateBeforeReportRefusal } from './due-dates';
import type { Finding, FindingClassification } from './field-work';
import type { ResponseResult } from './validation';

/**
 * What a finding is. Action Required: a Must (or the Must part of a Must + Should)
 * criterion not met; the criterion is Deficient, the finding has a deficiency reason and a response due date,
 * and the Member must answer it. Recommendation: advice the Member is not required to answer, on a Should
 * criterion found not in place (Deficient) or as an improvement on a Compliant criterion; the reason is
 * optional and no response is due.
 */

/** A Recommendation is stored without a due date: the Member is not required to answer it. */
export const RECOMMENDATION_DUE_DATE_NOTE =
  'No response due: a Recommendation is advice the Member is not required to answer.';

/** The fields as stored: a Recommendation's due date is cleared (older records may still carry one; they stay readable). */
export function storedFindingFields<T extends Pick<Finding, 'classification' | 'dueDate'>>(fields: T): T {
  return fields.classification === 'RECOMMENDATION' ? { ...fields, dueDate: null } : fields;
}

/**
 * Why saving this due date is refused, or null. A date before the report date is refused when it is set; a
 * date kept from before (`previousDueDate`) is left for the completeness check to flag, so other edits go on.
 */
export function findingDueDateRefusal(
  next: Pick<Finding, 'classification' | 'dueDate'>,
  previousDueDate: string | null | undefined,
  earliestReport: string,
): Message | null {
  const { dueDate } = storedFindingFields(next);
  if (dueDate === null || dueDate === previousDueDate) return null;
  return dueDateBeforeReportRefusal(dueDate, earliestReport);
}

/** Results on which a Recommendation may stand: an improvement on a Compliant criterion, or a Should not in place. */
const RECOMMENDATION_RESULTS: ReadonlySet<ResponseResult> = new Set(['COMPLIANT', 'DEFICIENT']);

/** A Recommendation may be added to a criterion with this result (the worksheet offers "Add a recommendation"). */
export const recommendationAllowed = (result: ResponseResult | null): boolean =>
  result !== null && RECOMMENDATION_RESULTS.has(result);

export type FindingPlacementProblem = Message & {
  code: 'FINDING_ON_NON_DEFICIENT' | 'FINDING_CLASSIFICATION_MISMATCH';
};

/** Why this finding cannot stand on a criterion with this result and level, or null when it can. */
export function findingPlacementProblem(
  criterion: { id: string; level: CriterionLevel },
  classification: FindingClassification,
  result: ResponseResult,
): FindingPlacementProblem | null {
  const id = criterion.id;
  if (classification === 'ACTION_REQUIRED') {
    if (result !== 'DEFICIENT') {
      return {
        code: 'FINDING_ON_NON_DEFICIENT',
        ...message(
          result === 'COMPLIANT' ? 'completeness.actionRequiredNotDeficient' : 'completeness.findingNotDeficient',
          { id },
        ),
      };
    }
    if (criterion.level === 'SHOULD') {
      return { code: 'FINDING_CLASSIFICATION_MISMATCH', ...message('completeness.actionRequiredOnShould', { id }) };
    }
    return null;
  }
  if (!recommendationAllowed(result)) {
    return { code: 'FINDING_ON_NON_DEFICIENT', ...message('completeness.recommendationOnResult', { id, result }) };
  }
  if (result === 'DEFICIENT' && criterion.level === 'MUST') {
    return {
      code: 'FINDING_CLASSIFICATION_MISMATCH',
      ...message('completeness.recommendationOnDeficientMust', { id }),
    };
  }
  return null;
}
