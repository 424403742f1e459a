import type { KeyStatistics } from '../../../../../shared/analytics/views';
import { formatCount, formatPercent, formatRatio } from '../figures';

/** The headline figures as a list of labelled numbers (each one is its own table row for screen readers). */
export function KeyStatisticsView({ data }: { data: KeyStatistics }) {
  const figures: Array<[string, string, string]> = [
    ['validations', 'Validations submitted', formatCount(data.validationsSubmitted)],
    ['members', 'Members validated', formatCount(data.membersValidated)],
    ['deficiencies', 'Deficiencies', formatCount(data.deficiencies)],
    ['mean', 'Deficiencies per validation (mean)', formatRatio(data.deficienciesPerValidation.mean)],
    ['median', 'Deficiencies per validation (median)', formatRatio(data.deficienciesPerValidation.median)],
    ['share-ar', 'Validations with an Action Required', formatPercent(data.shareWithActionRequired)],
    [
      'repeats',
      'Repeat deficiencies (also deficient at the Member’s previous validation)',
      data.repeatDeficiencies === null ? '—' : formatCount(data.repeatDeficiencies),
    ],
    ['overdue', 'Member responses overdue', formatCount(data.responsesOverdue)],
  ];
  return (
    <dl className="dashboard-stats" data-testid="key-statistics">
      {figures.map(([key, label, value]) => (
        <div className="dashboard-stats__item" key={key} data-testid={`stat-${key}`}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
