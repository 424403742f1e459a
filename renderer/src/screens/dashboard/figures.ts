const count = new Intl.NumberFormat('en-US');
const decimal = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Counts exact with separators: 1,417. */
export const formatCount = (n: number): string => count.format(n);
/** Already-rounded ratios (2 decimals from shared/analytics) shown with both decimals: 2.50. */
export const formatRatio = (n: number): string => decimal.format(n);
/** Percents as HQ rounds them: 13.48%. */
export const formatPercent = (n: number): string => `${decimal.format(n)}%`;
/** Minutes or nothing ("—" when no session was timed). */
export const formatMinutes = (n: number | null): string => (n === null ? '—' : `${decimal.format(n)} min`);

/** A category as people say it: "4. Cybersecurity" (just "Category 4" if the catalog is not at hand). */
export const categoryLabel = (names: ReadonlyMap<number, string>, category: number): string =>
  names.has(category) ? `${category}. ${names.get(category)}` : `Category ${category}`;

/** "2026-Q1" → "Q1 2026"; "2026-03" → "Mar 2026". */
export function periodLabel(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (!month) return period;
  return new Intl.DateTimeFormat('en-US', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${period}-01T00:00:00Z`),
  );
}
