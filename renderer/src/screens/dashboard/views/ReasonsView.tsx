import { useTranslation } from 'react-i18next';
import type { DeficiencyReasons } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { formatCount, formatPercent } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = DeficiencyReasons['rows'][number];

/** Reasons by their label in Settings where this computer knows the code; HQ may count codes it does not. */
export function ReasonsView({ data, labels }: { data: DeficiencyReasons; labels: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  if (data.total === 0) return <NothingToShow what={t('reports.dashboard.noDeficienciesMatch')} />;
  const label = (r: Row) =>
    r.reasonCode === null ? t('reports.dashboard.reasons.noReason') : (labels.get(r.reasonCode) ?? r.reasonCode);
  const first = data.rows[0];
  const summary = first
    ? t('reports.dashboard.reasons.summary', {
        total: formatCount(data.total),
        reason: label(first),
        percent: formatPercent(first.percent),
      })
    : '';
  return (
    <ChartWithTable
      chart={
        <BarChart
          testId="chart-reasons"
          summary={summary}
          horizontal
          valueLabel={t('reports.dashboard.columns.deficiencies')}
          data={{
            labels: data.rows.map(label),
            datasets: [
              {
                label: t('reports.dashboard.columns.deficiencies'),
                data: data.rows.map((r) => r.count),
                backgroundColor: SERIES_COLOURS.overall,
              },
            ],
          }}
        />
      }
      table={
        <DataTable<Row>
          testId="table-reasons"
          caption={t('reports.dashboard.reasons.caption', { total: formatCount(data.total) })}
          rowKey={(r) => r.reasonCode ?? '(none)'}
          rows={data.rows}
          columns={[
            { header: t('reports.dashboard.reasons.reason'), cell: label },
            { header: t('reports.dashboard.columns.deficiencies'), cell: (r) => formatCount(r.count), numeric: true },
            { header: t('reports.dashboard.columns.percent'), cell: (r) => formatPercent(r.percent), numeric: true },
          ]}
        />
      }
    />
  );
}
