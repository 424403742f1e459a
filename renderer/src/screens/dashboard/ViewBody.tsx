import type { AnalyticsViewResult } from '../../../../shared/analytics/views';
import type { DashboardLabels } from './labels';
import { ByCategoryView } from './views/ByCategoryView';
import { KeyStatisticsView } from './views/KeyStatisticsView';
import { ModesView } from './views/ModesView';
import { ReasonsView } from './views/ReasonsView';
import { TopDeficienciesView } from './views/TopDeficienciesView';
import { TrendsView } from './views/TrendsView';

/** The chart and table for whichever view answered. */
export function ViewBody({ result, labels }: { result: AnalyticsViewResult; labels: DashboardLabels }) {
  switch (result.view) {
    case 'key-statistics':
      return <KeyStatisticsView data={result.data} />;
    case 'deficiencies-by-category':
      return <ByCategoryView data={result.data} categoryName={labels.categoryName} />;
    case 'top-deficiencies':
      return <TopDeficienciesView data={result.data} names={labels.categories} />;
    case 'deficiency-reasons':
      return <ReasonsView data={result.data} labels={labels.reasons} />;
    case 'trends':
      return <TrendsView data={result.data} names={labels.categories} />;
    case 'virtual-vs-in-person':
      return <ModesView data={result.data} names={labels.categories} />;
  }
}
