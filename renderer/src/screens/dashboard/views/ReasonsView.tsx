import type { DeficiencyReasons } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { formatCount, formatPercent } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = DeficiencyReasons['rows'][number];

/** Reasons by their label in Settings where this computer knows the code; HQ may count codes it does not. */
export function ReasonsView({ data, labels }: { data: DeficiencyReasons; labels: ReadonlyMap<string, string> }) {
  if (data.total === 0) return <NothingToShow what="No deficiencies match these filters." />;
  const label = (r: Row) => (r.reasonCode === null ? 'No reason given' : (labels.get(r.reasonCode) ?? r.reasonCode));
  const first = data.rows[0];
  const summary = first
    ? `Deficiency reasons, ${formatCount(data.total)} deficiencies; most often ${label(first)} (${formatPercent(first.percent)}).`
    : '';
  return (
    <ChartWithTable
      chart={
        <BarChart
          testId="chart-reasons"
          summary={summary}
          horizontal
          valueLabel="Deficiencies"
          data={{
            labels: data.rows.map(label),
            datasets: [
              { label: 'Deficiencies', data: data.rows.map((r) => r.count), backgroundColor: SERIES_COLOURS.overall },
            ],
          }}
        />
      }
      table={
        <DataTable<Row>
          testId="table-reasons"
          caption={`Deficiency reasons (${formatCount(data.total)} deficiencies)`}
          rowKey={(r) => r.reasonCode ?? '(none)'}
          rows={data.rows}
          columns={[
            { header: 'Reason', cell: label },
            { header: 'Deficiencies', cell: (r) => formatCount(r.count), numeric: true },
            { header: 'Percent', cell: (r) => formatPercent(r.percent), numeric: true },
          ]}
        />
      }
    />
  );
}
