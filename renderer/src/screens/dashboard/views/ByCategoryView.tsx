import type { DeficienciesByCategory } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatPercent } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = DeficienciesByCategory['rows'][number];

export function ByCategoryView({ data }: { data: DeficienciesByCategory }) {
  const names = new Map(data.rows.map((r) => [r.category, r.name]));
  const label = (r: Row) => categoryLabel(names, r.category);
  const top = data.rows[0];
  const summary =
    data.total === 0 || !top
      ? 'No deficiencies in this selection.'
      : `Deficiencies by category, ${formatCount(data.total)} in all; most in ${label(top)} (${formatPercent(top.percent)}).`;
  return (
    <>
      <p className="dashboard-total" data-testid="view-total">
        {formatCount(data.total)} deficiencies
      </p>
      {data.total === 0 ? <NothingToShow what="No deficiencies match these filters." /> : null}
      <ChartWithTable
        chart={
          <BarChart
            testId="chart-by-category"
            summary={summary}
            horizontal
            stacked
            valueLabel="Deficiencies"
            data={{
              labels: data.rows.map(label),
              datasets: [
                {
                  label: 'Action Required',
                  data: data.rows.map((r) => r.actionRequired),
                  backgroundColor: SERIES_COLOURS.actionRequired,
                },
                {
                  label: 'Recommendation',
                  data: data.rows.map((r) => r.recommendation),
                  backgroundColor: SERIES_COLOURS.recommendation,
                },
              ],
            }}
          />
        }
        table={
          <DataTable<Row>
            testId="table-by-category"
            caption="Deficiencies by criteria category, most first"
            rowKey={(r) => String(r.category)}
            rows={data.rows}
            columns={[
              { header: 'Category', cell: label },
              { header: 'Deficiencies', short: 'Count', cell: (r) => formatCount(r.count), numeric: true },
              { header: 'Percent', short: '%', cell: (r) => formatPercent(r.percent), numeric: true },
              { header: 'Action Required', short: 'AR', cell: (r) => formatCount(r.actionRequired), numeric: true },
              { header: 'Recommendation', short: 'Rec.', cell: (r) => formatCount(r.recommendation), numeric: true },
            ]}
          />
        }
      />
    </>
  );
}
