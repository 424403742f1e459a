import type { AnalyticsFilters } from '../../../../shared/analytics/filters';
import { ANALYTICS_VIEWS, type AnalyticsViewName } from '../../../../shared/analytics/views';
import type { AnalyticsSource } from '../../../../shared/ipc/contract';

/** What the dashboard shows, as it is kept in the page address (#/dashboard?view=…&source=…&mode=…). */
export type DashboardQuery = {
  source: AnalyticsSource;
  view: AnalyticsViewName;
  filters: AnalyticsFilters;
  /** Top deficiencies: how many criteria to list. */
  limit: number;
};

const DEFAULT_LIMIT = 10;
const LIMIT_CHOICES = [10, 20, 50, 100];

/** The menu of how many criteria to list: the usual choices, and an address's own number among them (7, say). */
export const limitChoices = (limit: number): number[] =>
  LIMIT_CHOICES.includes(limit) ? LIMIT_CHOICES : [...LIMIT_CHOICES, limit].sort((a, b) => a - b);

const FILTER_KEYS = ['submittedFrom', 'submittedTo', 'entityType', 'mode', 'fieldOffice', 'edition'] as const;

/**
 * Reads the address as typed; values the contract refuses (a bad date, an unknown mode) still reach the
 * request, so the person is told which filter is wrong instead of it being silently dropped.
 */
export function parseDashboardQuery(query: string, defaultSource: AnalyticsSource): DashboardQuery {
  const params = new URLSearchParams(query);
  const view = params.get('view');
  const source = params.get('source');
  const filters: Record<string, string> = {};
  for (const key of FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  const limit = Number(params.get('limit'));
  return {
    view: (ANALYTICS_VIEWS as readonly string[]).includes(view ?? '') ? (view as AnalyticsViewName) : 'key-statistics',
    source: source === 'hq' || source === 'computer' ? source : defaultSource,
    filters: filters as AnalyticsFilters,
    limit: Number.isInteger(limit) && limit >= 1 && limit <= 100 ? limit : DEFAULT_LIMIT,
  };
}

/** The address part after `?`, in a fixed order so the same view always has the same address. */
export function dashboardQueryString(q: DashboardQuery): string {
  const params = new URLSearchParams({ view: q.view, source: q.source });
  for (const key of FILTER_KEYS) {
    const value = q.filters[key];
    if (value) params.set(key, value);
  }
  if (q.view === 'top-deficiencies' && q.limit !== DEFAULT_LIMIT) params.set('limit', String(q.limit));
  return params.toString();
}
