import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { VirtualVsInPerson } from '../../../../../shared/analytics/views';
import { useDomainLabels } from '../../../i18n/domain-labels';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatMinutes, formatPercent, formatRatio } from '../figures';
import { ChartWithTable, DataTable } from './DataTable';

type Mode = VirtualVsInPerson['modes'][number];
type MetricKey = 'validations' | 'deficiencies' | 'per-validation' | 'share-ar' | 'median' | 'iqr' | 'untimed';
type Metric = { key: MetricKey; value: (m: Mode) => string };

/** The measures compared, each named in the catalog by its key; "n/a" where a mode had no timed session. */
function metrics(t: TFunction): Metric[] {
  const notApplicable = t('reports.dashboard.modes.notApplicable');
  return [
    { key: 'validations', value: (m) => formatCount(m.validations) },
    { key: 'deficiencies', value: (m) => formatCount(m.deficiencies) },
    // A mode with no validation has no rate to compare, as a mode with no timed session has no time.
    { key: 'per-validation', value: (m) => (m.validations === 0 ? notApplicable : formatRatio(m.perValidation)) },
    {
      key: 'share-ar',
      value: (m) => (m.validations === 0 ? notApplicable : formatPercent(m.shareWithActionRequired)),
    },
    {
      key: 'median',
      value: (m) => (m.sessionDuration ? formatMinutes(m.sessionDuration.medianMinutes) : notApplicable),
    },
    {
      key: 'iqr',
      value: (m) =>
        m.sessionDuration && m.sessionDuration.q1Minutes !== null
          ? t('reports.dashboard.modes.range', {
              from: formatMinutes(m.sessionDuration.q1Minutes),
              to: formatMinutes(m.sessionDuration.q3Minutes),
            })
          : notApplicable,
    },
    {
      key: 'untimed',
      value: (m) => (m.sessionDuration ? formatCount(m.sessionDuration.validationsUntimed) : notApplicable),
    },
  ];
}

export function ModesView({ data, names }: { data: VirtualVsInPerson; names: ReadonlyMap<number, string> }) {
  const { t } = useTranslation();
  const { mode: modeLabel } = useDomainLabels();
  const [inPerson, virtual] = [
    data.modes.find((m) => m.mode === 'IN_PERSON'),
    data.modes.find((m) => m.mode === 'VIRTUAL'),
  ];
  const modes = [inPerson, virtual].filter((m): m is Mode => m !== undefined);
  const categories = [...new Set(modes.flatMap((m) => m.byCategory.map((c) => c.category)))].sort((a, b) => a - b);
  const percentIn = (m: Mode, category: number) => m.byCategory.find((c) => c.category === category)?.percent ?? 0;
  // One sentence: each mode's clause, joined by semicolons, with a full stop.
  const summary = `${modes
    .map((m) =>
      // With no validations there is no ratio to read out: the table says n/a.
      m.validations === 0
        ? t('reports.dashboard.modes.summaryNone', { mode: modeLabel(m.mode) })
        : t('reports.dashboard.modes.summary', {
            mode: modeLabel(m.mode),
            perValidation: formatRatio(m.perValidation),
            validations: formatCount(m.validations),
            count: m.validations,
          }),
    )
    .join('; ')}.`;
  return (
    <>
      <ChartWithTable
        chart={
          <BarChart
            testId="chart-modes"
            summary={summary}
            valueLabel={t('reports.dashboard.modes.perValidation')}
            data={{
              labels: modes.map((m) => modeLabel(m.mode)),
              datasets: [
                {
                  label: t('reports.dashboard.modes.perValidation'),
                  data: modes.map((m) => m.perValidation),
                  backgroundColor: modes.map((m) =>
                    m.mode === 'VIRTUAL' ? SERIES_COLOURS.virtual : SERIES_COLOURS.inPerson,
                  ),
                },
              ],
            }}
          />
        }
        table={
          <DataTable<Metric>
            testId="table-modes"
            caption={t('reports.dashboard.modes.caption')}
            rowKey={(r) => r.key}
            rows={metrics(t)}
            columns={[
              {
                header: t('reports.dashboard.modes.measure'),
                cell: (r) => t(`reports.dashboard.modes.metric.${r.key}`),
              },
              ...modes.map((m) => ({
                header: modeLabel(m.mode),
                cell: (r: Metric) => r.value(m),
                numeric: true,
              })),
            ]}
          />
        }
      />
      {categories.length > 0 && (
        <ChartWithTable
          chart={
            <BarChart
              testId="chart-modes-categories"
              summary={t('reports.dashboard.modes.categoriesSummary')}
              horizontal
              valueLabel={t('reports.dashboard.modes.categoriesValueLabel')}
              data={{
                labels: categories.map((c) => categoryLabel(names, c)),
                datasets: modes.map((m) => ({
                  label: modeLabel(m.mode),
                  data: categories.map((c) => percentIn(m, c)),
                  backgroundColor: m.mode === 'VIRTUAL' ? SERIES_COLOURS.virtual : SERIES_COLOURS.inPerson,
                })),
              }}
            />
          }
          table={
            <DataTable<number>
              testId="table-modes-categories"
              caption={t('reports.dashboard.modes.categoriesCaption')}
              rowKey={(c) => String(c)}
              rows={categories}
              columns={[
                { header: t('reports.dashboard.columns.category'), cell: (c) => categoryLabel(names, c) },
                ...modes.map((m) => ({
                  header: modeLabel(m.mode),
                  cell: (c: number) => formatPercent(percentIn(m, c)),
                  numeric: true,
                })),
              ]}
            />
          }
        />
      )}
    </>
  );
}
