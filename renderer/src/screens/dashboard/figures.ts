import { currentLocale, i18n } from '../../i18n';

const TWO_DECIMALS = { minimumFractionDigits: 2, maximumFractionDigits: 2 } as const;

/** Counts exact with the interface language's separators: 1,417 (Spanish 1417). */
export const formatCount = (n: number): string => new Intl.NumberFormat(currentLocale()).format(n);
/** Already-rounded ratios (2 decimals from shared/analytics) shown with both decimals: 2.50 (Spanish 2,50). */
export const formatRatio = (n: number): string => new Intl.NumberFormat(currentLocale(), TWO_DECIMALS).format(n);
/** Percents as HQ rounds them: 13.48% (Spanish 13,48 %). */
export const formatPercent = (n: number): string =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', ...TWO_DECIMALS }).format(n / 100);
/** Minutes or nothing ("—" when no session was timed). */
export const formatMinutes = (n: number | null): string =>
  n === null ? '—' : i18n.t('reports.dashboard.figures.minutes', { minutes: formatRatio(n) });

/** A category as people say it: "4. Cybersecurity" (just "Category 4" if the catalog is not at hand). */
export const categoryLabel = (names: ReadonlyMap<number, string>, category: number): string =>
  names.has(category)
    ? `${category}. ${names.get(category)}`
    : i18n.t('reports.dashboard.figures.category', { category });

/** "2026-Q1" → "Q1 2026" (Spanish "T1 2026"); "2026-03" → "Mar 2026". */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return i18n.t('reports.dashboard.figures.quarter', { quarter: quarter[2], year: quarter[1] });
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  return new Intl.DateTimeFormat(currentLocale(), { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}
