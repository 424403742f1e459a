import { useTranslation } from 'react-i18next';
import type { TopDeficiencies } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatPercent } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = TopDeficiencies['rows'][number];

export function TopDeficienciesView({ data, names }: { data: TopDeficiencies; names: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  if (data.rows.length === 0) return <NothingToShow what={t('reports.dashboard.topDeficiencies.none')} />;
  const first = data.rows[0];
  const summary = first
    ? t('reports.dashboard.topDeficiencies.summary', {
        rows: data.rows.length,
        criterion: first.criterionId,
        deficient: formatCount(first.timesDeficient),
        assessed: formatCount(first.timesAssessed),
      })
    : '';
  return (
    <ChartWithTable
      chart={
        <BarChart
          testId="chart-top-deficiencies"
          summary={summary}
          horizontal
          valueLabel={t('reports.dashboard.topDeficiencies.valueLabel')}
          data={{
            labels: data.rows.map((r) => r.criterionId),
            datasets: [
              {
                label: t('reports.dashboard.topDeficiencies.timesDeficient'),
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
          caption={t('reports.dashboard.topDeficiencies.caption')}
          rowKey={(r) => r.criterionId}
          rows={data.rows}
          columns={[
            { header: t('reports.dashboard.topDeficiencies.criterion'), cell: (r) => r.criterionId },
            { header: t('reports.dashboard.columns.category'), cell: (r) => categoryLabel(names, r.category) },
            {
              header: t('reports.dashboard.topDeficiencies.timesDeficient'),
              short: t('reports.dashboard.topDeficiencies.deficientShort'),
              cell: (r) => formatCount(r.timesDeficient),
              numeric: true,
            },
            {
              header: t('reports.dashboard.topDeficiencies.timesAssessed'),
              short: t('reports.dashboard.topDeficiencies.assessedShort'),
              cell: (r) => formatCount(r.timesAssessed),
              numeric: true,
            },
            {
              header: t('reports.dashboard.topDeficiencies.rate'),
              short: t('reports.dashboard.topDeficiencies.rateShort'),
              cell: (r) => formatPercent(r.rate),
              numeric: true,
            },
          ]}
        />
      }
    />
  );
}
