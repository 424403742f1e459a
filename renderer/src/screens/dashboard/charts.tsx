import {
  BarElement,
  CategoryScale,
  type ChartData,
  Chart as ChartJS,
  type ChartOptions,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';
import { Bar, Line } from 'react-chartjs-2';

// Only what the dashboard draws is registered, so the rest of Chart.js stays out of the bundle.
ChartJS.register(CategoryScale, LinearScale, BarElement, LineElement, PointElement, Tooltip, Legend);

/** USWDS palette colours with enough contrast against white and against each other. */
export const SERIES_COLOURS = {
  actionRequired: '#1a4480', // primary-dark
  recommendation: '#73b3e7', // primary-light
  overall: '#005ea2', // primary
  inPerson: '#1a4480',
  virtual: '#e5a000', // accent-warm
} as const;

const BASE: ChartOptions<'bar' | 'line'> = {
  // Figures appear at once: no animation to wait for (or to distract), and tests see the final drawing.
  animation: false,
  maintainAspectRatio: false,
  responsive: true,
  plugins: { legend: { position: 'bottom', labels: { font: { family: 'Source Sans Pro, Helvetica, sans-serif' } } } },
};

type ChartProps<T extends 'bar' | 'line'> = {
  /** What the chart shows in one sentence, read by screen readers; the table beside it holds the figures. */
  summary: string;
  data: ChartData<T>;
  horizontal?: boolean;
  stacked?: boolean;
  /** Axis title for the values. */
  valueLabel: string;
  testId: string;
};

/** Long category names are cut on the axis (the tooltip and the table beside the chart give them whole). */
const AXIS_LABEL_MAX = 26;
function shortLabel(this: { getLabelForValue(value: number): string }, value: number | string): string {
  const label = this.getLabelForValue(Number(value));
  return label.length > AXIS_LABEL_MAX ? `${label.slice(0, AXIS_LABEL_MAX - 1).trimEnd()}…` : label;
}

function scales(valueLabel: string, horizontal: boolean, stacked: boolean) {
  const value = { beginAtZero: true, stacked, title: { display: true, text: valueLabel }, ticks: { precision: 0 } };
  const category = { stacked, ticks: { autoSkip: false, callback: shortLabel } };
  return horizontal ? { x: value, y: category } : { x: category, y: value };
}

export function BarChart({
  summary,
  data,
  horizontal = false,
  stacked = false,
  valueLabel,
  testId,
}: ChartProps<'bar'>) {
  const options: ChartOptions<'bar'> = {
    ...(BASE as ChartOptions<'bar'>),
    indexAxis: horizontal ? 'y' : 'x',
    datasets: { bar: { maxBarThickness: 56 } },
    // One series needs no key: the axis title says what the bars are.
    plugins: { ...BASE.plugins, legend: { ...BASE.plugins?.legend, display: data.datasets.length > 1 } },
    scales: scales(valueLabel, horizontal, stacked),
  };
  return (
    <div className="dashboard-chart" data-testid={testId}>
      <Bar data={data} options={options} role="img" aria-label={summary} fallbackContent={<p>{summary}</p>} />
    </div>
  );
}

export function LineChart({ summary, data, valueLabel, testId }: ChartProps<'line'>) {
  const options: ChartOptions<'line'> = {
    ...(BASE as ChartOptions<'line'>),
    scales: scales(valueLabel, false, false),
  };
  return (
    <div className="dashboard-chart" data-testid={testId}>
      <Line data={data} options={options} role="img" aria-label={summary} fallbackContent={<p>{summary}</p>} />
    </div>
  );
}
