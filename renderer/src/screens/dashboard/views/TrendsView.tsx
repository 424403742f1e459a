import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrendPeriod, Trends } from '../../../../../shared/analytics/views';
import { LineChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatRatio, periodLabel } from '../figures';
import { ChartWithTable, DataTable, NothingToShow } from './DataTable';

type Grain = 'months' | 'quarters';
type Row = { period: string; validations: number; deficiencies: number; perValidation: number };

/** One period's figures overall, or for one category (0 where the category had none that period). */
function rowOf(p: TrendPeriod, category: number | null): Row {
  if (category === null) return p;
  const c = p.byCategory.find((b) => b.category === category);
  return {
    period: p.period,
    validations: p.validations,
    deficiencies: c?.count ?? 0,
    perValidation: c?.perValidation ?? 0,
  };
}

export function TrendsView({ data, names }: { data: Trends; names: ReadonlyMap<number, string> }) {
  const [grain, setGrain] = useState<Grain>('months');
  const [category, setCategory] = useState<number | null>(null);
  const { t } = useTranslation();
  if (data.months.length === 0) return <NothingToShow what={t('reports.dashboard.trends.none')} />;
  const rows = data[grain].map((p) => rowOf(p, category));
  const what = category === null ? t('reports.dashboard.trends.allCategories') : categoryLabel(names, category);
  const summary = t(`reports.dashboard.trends.summary.${grain}`, {
    what,
    from: periodLabel(rows[0]?.period ?? ''),
    to: periodLabel(rows.at(-1)?.period ?? ''),
  });
  return (
    <>
      <div className="dashboard-controls">
        <fieldset className="usa-fieldset">
          <legend className="usa-legend">{t('reports.dashboard.trends.by')}</legend>
          {(['months', 'quarters'] as const).map((g) => (
            <div className="usa-radio dashboard-controls__radio" key={g}>
              <input
                className="usa-radio__input"
                id={`trend-${g}`}
                type="radio"
                name="trend-grain"
                checked={grain === g}
                onChange={() => setGrain(g)}
              />
              <label className="usa-radio__label" htmlFor={`trend-${g}`}>
                {t(`reports.dashboard.trends.grain.${g}`)}
              </label>
            </div>
          ))}
        </fieldset>
        <div>
          <label className="usa-label" htmlFor="trend-category">
            {t('reports.dashboard.columns.category')}
          </label>
          <select
            className="usa-select"
            id="trend-category"
            value={category ?? ''}
            onChange={(e) => setCategory(e.target.value ? Number(e.target.value) : null)}
          >
            <option value="">{t('reports.dashboard.trends.allCategoriesOption')}</option>
            {Array.from({ length: 12 }, (_, i) => i + 1).map((n) => (
              <option key={n} value={n}>
                {categoryLabel(names, n)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <ChartWithTable
        chart={
          <LineChart
            testId="chart-trends"
            summary={summary}
            valueLabel={t('reports.dashboard.trends.perValidation')}
            data={{
              labels: rows.map((r) => periodLabel(r.period)),
              datasets: [
                {
                  label: t('reports.dashboard.trends.perValidationOf', { what }),
                  data: rows.map((r) => r.perValidation),
                  borderColor: SERIES_COLOURS.overall,
                  backgroundColor: SERIES_COLOURS.overall,
                },
              ],
            }}
          />
        }
        table={
          <DataTable<Row>
            testId="table-trends"
            caption={t(`reports.dashboard.trends.caption.${grain}`, { what })}
            rowKey={(r) => r.period}
            rows={rows}
            columns={[
              { header: t(`reports.dashboard.trends.grain.${grain}`), cell: (r) => periodLabel(r.period) },
              {
                header: t('reports.dashboard.columns.validations'),
                cell: (r) => formatCount(r.validations),
                numeric: true,
              },
              {
                header: t('reports.dashboard.columns.deficiencies'),
                cell: (r) => formatCount(r.deficiencies),
                numeric: true,
              },
              {
                header: t('reports.dashboard.trends.perValidationShort'),
                cell: (r) => formatRatio(r.perValidation),
                numeric: true,
              },
            ]}
          />
        }
      />
    </>
  );
}
