import type { CriterionLevel } from '../catalog/schema';
import { defaultDueDate, localToday } from './due-dates';
import type { Finding } from './field-work';

export type FindingFields = Pick<Finding, 'classification' | 'reasonCode' | 'description' | 'dueDate'>;

/**
 * The finding a Deficient result opens: Action required, due N days after today, on a Must (or Must + Should)
 * criterion not met; a Recommendation, with no due date, on a Should criterion not in place.
 */
export function defaultFinding(level: CriterionLevel, responseDays: number, today = localToday()): FindingFields {
  return level === 'SHOULD'
    ? defaultRecommendation()
    : {
        classification: 'ACTION_REQUIRED',
        reasonCode: null,
        description: '',
        dueDate: defaultDueDate(today, responseDays),
      };
}

/** A Recommendation: advice the Member is not required to answer, so no reason is needed and no response is due. */
export function defaultRecommendation(): FindingFields {
  return { classification: 'RECOMMENDATION', reasonCode: null, description: '', dueDate: null };
}
