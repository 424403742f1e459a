import type { Database } from 'better-sqlite3';
import { type AnalyticsFilters, TOP_DEFICIENCIES_DEFAULT_LIMIT } from '../../../shared/analytics/filters';
import type { AnalyticsViewName, AnalyticsViewResult } from '../../../shared/analytics/views';
import { deficienciesByCategory } from './deficiencies-by-category';
import { deficiencyReasons } from './deficiency-reasons';
import { keyStatistics } from './key-statistics';
import { topDeficiencies } from './top-deficiencies';
import { trends } from './trends';
import { virtualVsInPerson } from './virtual-vs-in-person';

/**
 * The six MSC performance views over "This computer": the enrolled SCSS's own validations in the local store,
 * which is exactly the scope HQ gives that SCSS, so both show the same figures for the same data.
 */

export type LocalAnalyticsContext = {
  /** YYYY-MM-DD: what a Member response's due date is compared with. */
  today: string;
  /** The enrolled user's field office; null if not enrolled. */
  fieldOffice: string | null;
  /** The enrolled user's HQ id: only their validations count. Null if not enrolled. */
  userId: string | null;
};

export type LocalAnalyticsRequest = {
  view: AnalyticsViewName;
  filters: AnalyticsFilters;
  /** Top deficiencies only; TOP_DEFICIENCIES_DEFAULT_LIMIT when absent. */
  limit?: number;
};

export function computeLocalView(
  db: Database,
  request: LocalAnalyticsRequest,
  context: LocalAnalyticsContext,
): AnalyticsViewResult {
  const { filters } = request;
  switch (request.view) {
    case 'key-statistics':
      return { view: request.view, data: keyStatistics(db, filters, context) };
    case 'deficiencies-by-category':
      return { view: request.view, data: deficienciesByCategory(db, filters, context) };
    case 'top-deficiencies':
      return {
        view: request.view,
        data: topDeficiencies(db, filters, request.limit ?? TOP_DEFICIENCIES_DEFAULT_LIMIT, context),
      };
    case 'deficiency-reasons':
      return { view: request.view, data: deficiencyReasons(db, filters, context) };
    case 'trends':
      return { view: request.view, data: trends(db, filters, context) };
    case 'virtual-vs-in-person':
      return { view: request.view, data: virtualVsInPerson(db, filters, context) };
  }
}
