import type { ReactNode } from 'react';

export type Column<Row> = {
  header: string;
  /** A shorter heading where space is tight (an <abbr> naming the whole); `header` is its title. */
  short?: string;
  cell: (row: Row) => ReactNode;
  numeric?: boolean;
};

/** The figures behind a chart, as a real table a screen reader can walk (USWDS table, numbers right-aligned). */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  testId,
}: {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  testId: string;
}) {
  return (
    // A scrolling table must be reachable by keyboard (WCAG 2.1.1), so its region takes focus and is named.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region is focusable so keyboard users can scroll it
    <section className="dashboard-table" tabIndex={0} aria-label={caption}>
      <table className="usa-table usa-table--compact usa-table--borderless" data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'dashboard-table__number' : undefined}>
                {c.short ? <abbr title={c.header}>{c.short}</abbr> : c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                i === 0 ? (
                  <th key={c.header} scope="row">
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={c.header} className={c.numeric ? 'dashboard-table__number' : undefined}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** A chart and its table side by side (stacked on narrow windows). */
export function ChartWithTable({ chart, table }: { chart: ReactNode; table: ReactNode }) {
  return (
    <div className="dashboard-pair">
      <div className="dashboard-pair__chart">{chart}</div>
      <div className="dashboard-pair__table">{table}</div>
    </div>
  );
}

/** Said instead of an empty chart. */
export function NothingToShow({ what }: { what: string }) {
  return (
    <p className="dashboard-empty" data-testid="dashboard-empty">
      {what}
    </p>
  );
}
