import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import Negotiator from 'negotiator';
import type { z } from 'zod';
import {
  type AnalyticsFilters,
  AnalyticsFiltersSchema,
  describeFilterIssue,
  TopDeficienciesQuerySchema,
} from '../shared/analytics/filters';
import type { AnalyticsViewName, AnalyticsViewResult } from '../shared/analytics/views';
import { analyticsCsv } from '../shared/report/analytics-csv';
import type { HqUser } from '../shared/sync/protocol';
import {
  deficienciesByCategory,
  deficiencyReasons,
  keyStatistics,
  topDeficiencies,
  trends,
  virtualVsInPerson,
} from './analytics';
import type { HqDb } from './db/types';
import type { Principal } from './identity';

export type AnalyticsRoutesOptions = {
  db: HqDb;
  requirePrincipal: (request: FastifyRequest, reply: FastifyReply) => Promise<Principal | null>;
};

/** Today as YYYY-MM-DD (UTC) by the server's clock: what a response's due date is compared with. */
const today = () => new Date().toISOString().slice(0, 10);

const FORMATS = ['application/json', 'text/csv'];
/** CSV when the Accept header prefers it, its q-values weighed; no header, or any type, gets JSON. */
const wantsCsv = (request: FastifyRequest) => new Negotiator(request).mediaType(FORMATS) === 'text/csv';

/** GET /v1/analytics/<view>: the MSC performance views over the caller's scope, as JSON or (Accept: text/csv) CSV. */
export const analyticsRoutes: FastifyPluginAsync<AnalyticsRoutesOptions> = async (app, options) => {
  const { db } = options;

  function view<Q extends AnalyticsFilters, V extends AnalyticsViewName>(
    name: V,
    schema: z.ZodType<Q>,
    compute: (user: HqUser, query: Q) => Promise<Extract<AnalyticsViewResult, { view: V }>['data']>,
  ) {
    app.get(`/v1/analytics/${name}`, async (request, reply) => {
      const principal = await options.requirePrincipal(request, reply);
      if (!principal) return reply;
      // A filter given twice arrives as a list: say so, rather than that its value is not one of the options.
      const repeated = Object.entries(request.query as Record<string, unknown>).filter(([, v]) => Array.isArray(v));
      if (repeated.length > 0) {
        const names = repeated.map(([key]) => key).join(', ');
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: `${names}: given more than once` } });
      }
      const query = schema.safeParse(request.query);
      if (!query.success) {
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: describeFilterIssue(query.error) } });
      }
      const result = await compute(principal.user, query.data);
      request.log.info({ deviceId: principal.deviceId, view: name }, 'analytics');
      if (!wantsCsv(request)) return result;
      const csv = analyticsCsv({ view: name, data: result } as AnalyticsViewResult);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(csv);
    });
  }

  view('key-statistics', AnalyticsFiltersSchema, (user, filters) =>
    keyStatistics(db, user, filters, { today: today() }),
  );
  view('deficiencies-by-category', AnalyticsFiltersSchema, (user, filters) =>
    deficienciesByCategory(db, user, filters),
  );
  view('top-deficiencies', TopDeficienciesQuerySchema, (user, query) => topDeficiencies(db, user, query));
  view('deficiency-reasons', AnalyticsFiltersSchema, (user, filters) => deficiencyReasons(db, user, filters));
  view('trends', AnalyticsFiltersSchema, (user, filters) => trends(db, user, filters));
  view('virtual-vs-in-person', AnalyticsFiltersSchema, (user, filters) => virtualVsInPerson(db, user, filters));
};
