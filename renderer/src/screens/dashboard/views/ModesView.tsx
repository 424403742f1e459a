import type { VirtualVsInPerson } from '../../../../../shared/analytics/views';
import { VALIDATION_MODE_LABELS } from '../../../../../shared/domain/validation';
import { BarChart, SERIES_COLOURS } from '../charts';
import { categoryLabel, formatCount, formatMinutes, formatPercent, formatRatio } from '../figures';
import { ChartWithTable, DataTable } from './DataTable';

type Mode = VirtualVsInPerson['modes'][number];
type Metric = { key: string; label: string; value: (m: Mode) => string };

const METRICS: Metric[] = [
  { key: 'validations', label: 'Validations', value: (m) => formatCount(m.validations) },
  { key: 'deficiencies', label: 'Deficiencies', value: (m) => formatCount(m.deficiencies) },
  { key: 'per-validation', label: 'Deficiencies per validation', value: (m) => formatRatio(m.perValidation) },
  { key: 'share-ar', label: 'With an Action Required', value: (m) => formatPercent(m.shareWithActionRequired) },
  {
    key: 'median',
    label: 'Session time, median',
    value: (m) => (m.sessionDuration ? formatMinutes(m.sessionDuration.medianMinutes) : 'n/a'),
  },
  {
    key: 'iqr',
    label: 'Session time, middle half (Q1–Q3)',
    value: (m) =>
      m.sessionDuration && m.sessionDuration.q1Minutes !== null
        ? `${formatMinutes(m.sessionDuration.q1Minutes)} – ${formatMinutes(m.sessionDuration.q3Minutes)}`
        : 'n/a',
  },
  {
    key: 'untimed',
    label: 'Validations without a timed session',
    value: (m) => (m.sessionDuration ? formatCount(m.sessionDuration.validationsUntimed) : 'n/a'),
  },
];

export function ModesView({ data, names }: { data: VirtualVsInPerson; names: ReadonlyMap<number, string> }) {
  const [inPerson, virtual] = [
    data.modes.find((m) => m.mode === 'IN_PERSON'),
    data.modes.find((m) => m.mode === 'VIRTUAL'),
  ];
  const modes = [inPerson, virtual].filter((m): m is Mode => m !== undefined);
  const categories = [...new Set(modes.flatMap((m) => m.byCategory.map((c) => c.category)))].sort((a, b) => a - b);
  const percentIn = (m: Mode, category: number) => m.byCategory.find((c) => c.category === category)?.percent ?? 0;
  const summary = modes
    .map(
      (m) =>
        `${VALIDATION_MODE_LABELS[m.mode]}: ${formatRatio(m.perValidation)} deficiencies per validation over ${formatCount(m.validations)} validations`,
    )
    .join('; ');
  return (
    <>
      <ChartWithTable
        chart={
          <BarChart
            testId="chart-modes"
            summary={`${summary}.`}
            valueLabel="Deficiencies per validation"
            data={{
              labels: modes.map((m) => VALIDATION_MODE_LABELS[m.mode]),
              datasets: [
                {
                  label: 'Deficiencies per validation',
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
            caption="Virtual and in-person validations compared"
            rowKey={(r) => r.key}
            rows={METRICS}
            columns={[
              { header: 'Measure', cell: (r) => r.label },
              ...modes.map((m) => ({
                header: VALIDATION_MODE_LABELS[m.mode],
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
              summary="Each mode's deficiencies split by category, as a percent of that mode's deficiencies."
              horizontal
              valueLabel="Percent of the mode's deficiencies"
              data={{
                labels: categories.map((c) => categoryLabel(names, c)),
                datasets: modes.map((m) => ({
                  label: VALIDATION_MODE_LABELS[m.mode],
                  data: categories.map((c) => percentIn(m, c)),
                  backgroundColor: m.mode === 'VIRTUAL' ? SERIES_COLOURS.virtual : SERIES_COLOURS.inPerson,
                })),
              }}
            />
          }
          table={
            <DataTable<number>
              testId="table-modes-categories"
              caption="Category split of each mode's deficiencies (percent)"
              rowKey={(c) => String(c)}
              rows={categories}
              columns={[
                { header: 'Category', cell: (c) => categoryLabel(names, c) },
                ...modes.map((m) => ({
                  header: VALIDATION_MODE_LABELS[m.mode],
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
