import type { CriterionLevel } from '../catalog/schema';
import { defaultDueDate, localToday } from './due-dates';
import type { Finding } from './field-work';

export type FindingFields = Pick<Finding, 'classification' | 'reasonCode' | 'description' | 'dueDate'>;

/** A new finding: Action required on Must criteria, Recommendation on Should ones, due N days after today. */
export function defaultFinding(level: CriterionLevel, responseDays: number, today = localToday()): FindingFields {
  return {
    classification: level === 'SHOULD' ? 'RECOMMENDATION' : 'ACTION_REQUIRED',
    reasonCode: null,
    description: '',
    dueDate: defaultDueDate(today, responseDays),
  };
}
