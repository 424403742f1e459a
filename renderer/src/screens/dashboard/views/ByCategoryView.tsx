import { useTranslation } from 'react-i18next';
import type { DeficienciesByCategory } from '../../../../../shared/analytics/views';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatPercent } from '../figures';
import type { DashboardLabels } from '../labels';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Row = DeficienciesByCategory['rows'][number];

export function ByCategoryView({
  data,
  categoryName,
}: {
  data: DeficienciesByCategory;
  categoryName: DashboardLabels['categoryName'];
}) {
  const { t } = useTranslation();
  const names = new Map(data.rows.map((r) => [r.category, categoryName(r.category, r.name)]));
  const label = (r: Row) => categoryLabel(names, r.category);
  const top = data.rows[0];
  const summary =
    data.total === 0 || !top
      ? t('reports.dashboard.byCategory.none')
      : t('reports.dashboard.byCategory.summary', {
          total: formatCount(data.total),
          category: label(top),
          percent: formatPercent(top.percent),
        });
  return (
    <>
      <p className="dashboard-total" data-testid="view-total">
        {t('reports.dashboard.byCategory.total', { count: data.total, total: formatCount(data.total) })}
      </p>
      {data.total === 0 ? <NothingToShow what={t('reports.dashboard.noDeficienciesMatch')} /> : null}
      <ChartWithTable
        chart={
          <BarChart
            testId="chart-by-category"
            summary={summary}
            horizontal
            stacked
            valueLabel={t('reports.dashboard.columns.deficiencies')}
            data={{
              labels: data.rows.map(label),
              datasets: [
                {
                  label: t('reports.dashboard.byCategory.actionRequired'),
                  data: data.rows.map((r) => r.actionRequired),
                  backgroundColor: SERIES_COLOURS.actionRequired,
                },
                {
                  label: t('reports.dashboard.byCategory.recommendation'),
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
            caption={t('reports.dashboard.byCategory.caption')}
            rowKey={(r) => String(r.category)}
            rows={data.rows}
            columns={[
              { header: t('reports.dashboard.columns.category'), cell: label },
              {
                header: t('reports.dashboard.columns.deficiencies'),
                short: t('reports.dashboard.byCategory.countShort'),
                cell: (r) => formatCount(r.count),
                numeric: true,
              },
              {
                header: t('reports.dashboard.columns.percent'),
                short: t('reports.dashboard.byCategory.percentShort'),
                cell: (r) => formatPercent(r.percent),
                numeric: true,
              },
              {
                header: t('reports.dashboard.byCategory.actionRequired'),
                short: t('reports.dashboard.byCategory.actionRequiredShort'),
                cell: (r) => formatCount(r.actionRequired),
                numeric: true,
              },
              {
                header: t('reports.dashboard.byCategory.recommendation'),
                short: t('reports.dashboard.byCategory.recommendationShort'),
                cell: (r) => formatCount(r.recommendation),
                numeric: true,
              },
            ]}
          />
        }
      />
    </>
  );
}
