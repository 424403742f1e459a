import type { AnalyticsAnswer, AnalyticsRequest } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/envelope';
import { type Message, message } from '../../../shared/messages';
import { analyticsCsv } from '../../../shared/report/analytics-csv';
import { fetchHqView, hqScope } from '../../services/analytics/hq-analytics';
import { computeLocalView } from '../../services/analytics/local-analytics';
import type { ServiceContext } from '../../services/service-context';
import type { SyncService } from '../../services/sync-service';
import type { HandlersFor } from '../handlers';
import { deliver } from './deliver-file';
import type { ReportHost } from './reports';

/** The scope line in English, and by key for the interface. */
const scopeOf = ({ message: scope, ...scopeMessage }: Message) => ({ scope, scopeMessage });

/** The dashboard's views: computed here from the local store, or asked of HQ over the person's scope. */
export function analyticsHandlers(
  ctx: ServiceContext,
  host: Pick<ReportHost, 'showSaveDialog'>,
  sync: Pick<SyncService, 'hqConnection' | 'enrolledUser'>,
): HandlersFor<'analytics:view' | 'analytics:csv'> {
  async function answer(request: AnalyticsRequest): Promise<AnalyticsAnswer> {
    const computedAt = ctx.now().toISOString();
    const user = sync.enrolledUser();
    if (request.source === 'computer') {
      const result = computeLocalView(
        ctx.db,
        { view: request.view, filters: request.filters, ...(request.limit ? { limit: request.limit } : {}) },
        { today: computedAt.slice(0, 10), fieldOffice: user?.fieldOffice ?? null, userId: user?.id ?? null },
      );
      return { source: 'computer', ...scopeOf(message('dashboardScope.computer')), computedAt, result };
    }
    const hq = sync.hqConnection();
    if (!hq || !user) {
      throw new AppError('BAD_REQUEST', message('errors.analytics.notEnrolled'));
    }
    return { source: 'hq', ...scopeOf(hqScope(user)), computedAt, result: await fetchHqView(hq, request) };
  }
  return {
    'analytics:view': answer,
    'analytics:csv': async (request) => {
      const { result, computedAt, source } = await answer(request);
      const where = source === 'computer' ? 'this-computer' : 'hq';
      return deliver(
        host,
        {
          bytes: new TextEncoder().encode(analyticsCsv(result)),
          fileName: `${request.view}-${where}-${computedAt.slice(0, 10)}.csv`,
          mediaType: 'text/csv',
          warnings: [],
        },
        'CSV',
      );
    },
  };
}
