import type { TopDeficiencies } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatPercent } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = TopDeficiencies['rows'][number];

export function TopDeficienciesView({ data, names }: { data: TopDeficiencies; names: ReadonlyMap<number, string> }) {
  if (data.rows.length === 0) return <NothingToShow what="No criterion was found deficient in this selection." />;
  const first = data.rows[0];
  const summary = first
    ? `The ${data.rows.length} criteria most often deficient; first ${first.criterionId}, deficient ${formatCount(first.timesDeficient)} times of ${formatCount(first.timesAssessed)} assessed.`
    : '';
  return (
    <ChartWithTable
      chart={
        <BarChart
          testId="chart-top-deficiencies"
          summary={summary}
          horizontal
          valueLabel="Validations where deficient"
          data={{
            labels: data.rows.map((r) => r.criterionId),
            datasets: [
              {
                label: 'Times deficient',
                data: data.rows.map((r) => r.timesDeficient),
                backgroundColor: SERIES_COLOURS.actionRequired,
              },
            ],
          }}
        />
      }
      table={
        <DataTable<Row>
          testId="table-top-deficiencies"
          caption="Criteria most often deficient: times deficient, times assessed and the deficiency rate"
          rowKey={(r) => r.criterionId}
          rows={data.rows}
          columns={[
            { header: 'Criterion', cell: (r) => r.criterionId },
            { header: 'Category', cell: (r) => categoryLabel(names, r.category) },
            {
              header: 'Times deficient',
              short: 'Deficient',
              cell: (r) => formatCount(r.timesDeficient),
              numeric: true,
            },
            { header: 'Times assessed', short: 'Assessed', cell: (r) => formatCount(r.timesAssessed), numeric: true },
            { header: 'Deficiency rate', short: 'Rate', cell: (r) => formatPercent(r.rate), numeric: true },
          ]}
        />
      }
    />
  );
}
