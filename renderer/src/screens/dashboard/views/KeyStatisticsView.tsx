import { useTranslation } from 'react-i18next';
import type { KeyStatistics } from '../../../../../shared/analytics/views';
import { NoValue } from '../../../components/NoValue';
import { formatCount, formatPercent, formatRatio } from '../figures';
import { NothingToShow } from './DataTable';

type Figure = 'validations' | 'members' | 'deficiencies' | 'mean' | 'median' | 'share-ar' | 'repeats' | 'overdue';

/** The headline figures as a list of labelled numbers (each one is its own table row for screen readers). */
export function KeyStatisticsView({ data }: { data: KeyStatistics }) {
  const { t } = useTranslation();
  // A mean, median or share of no validations is not zero: it does not exist, and "0.00" would read as a result.
  const perValidation = (format: () => string): string | null => (data.validationsSubmitted === 0 ? null : format());
  // Each figure's key is its test id and names its label in the catalog; null is a figure that does not exist.
  const figures: Array<[Figure, string | null]> = [
    ['validations', formatCount(data.validationsSubmitted)],
    ['members', formatCount(data.membersValidated)],
    ['deficiencies', formatCount(data.deficiencies)],
    ['mean', perValidation(() => formatRatio(data.deficienciesPerValidation.mean))],
    ['median', perValidation(() => formatRatio(data.deficienciesPerValidation.median))],
    ['share-ar', perValidation(() => formatPercent(data.shareWithActionRequired))],
    ['repeats', data.repeatDeficiencies === null ? null : formatCount(data.repeatDeficiencies)],
    ['overdue', formatCount(data.responsesOverdue)],
  ];
  return (
    <>
      {data.validationsSubmitted === 0 && <NothingToShow what={t('reports.dashboard.keyStatistics.none')} />}
      <dl className="dashboard-stats" data-testid="key-statistics">
        {figures.map(([key, value]) => (
          <div className="dashboard-stats__item" key={key} data-testid={`stat-${key}`}>
            <dt>{t(`reports.dashboard.keyStatistics.${key}`)}</dt>
            <dd>{value ?? <NoValue label={t('reports.dashboard.keyStatistics.noFigure')} />}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
