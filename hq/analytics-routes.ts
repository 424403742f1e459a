import { stringify } from 'csv-stringify/sync';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  type AnalyticsFilters,
  AnalyticsFiltersSchema,
  describeFilterIssue,
  TopDeficienciesQuerySchema,
} from '../shared/analytics/filters';
import type { KeyStatistics, TrendPeriod, Trends, VirtualVsInPerson } from '../shared/analytics/views';
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

/** Each view's rows as CSV: header row, then one line per row (key statistics as metric,value pairs). */
type CsvTable = { columns: string[]; rows: Array<Record<string, unknown>> };

const keyStatisticsTable = (s: KeyStatistics): CsvTable => ({
  columns: ['metric', 'value'],
  rows: [
    ['validationsSubmitted', s.validationsSubmitted],
    ['membersValidated', s.membersValidated],
    ['deficiencies', s.deficiencies],
    ['deficienciesPerValidationMean', s.deficienciesPerValidation.mean],
    ['deficienciesPerValidationMedian', s.deficienciesPerValidation.median],
    ['shareWithActionRequired', s.shareWithActionRequired],
    ['repeatDeficiencies', s.repeatDeficiencies],
    ['responsesOverdue', s.responsesOverdue],
  ].map(([metric, value]) => ({ metric, value })),
});

/** One row per period × (overall, with an empty category, or one category): months first, then quarters. */
const trendsTable = (t: Trends): CsvTable => ({
  columns: ['period', 'category', 'validations', 'deficiencies', 'perValidation'],
  rows: [...t.months, ...t.quarters].flatMap((p: TrendPeriod) => [
    {
      period: p.period,
      category: '',
      validations: p.validations,
      deficiencies: p.deficiencies,
      perValidation: p.perValidation,
    },
    ...p.byCategory.map((c) => ({
      period: p.period,
      category: c.category,
      validations: p.validations,
      deficiencies: c.count,
      perValidation: c.perValidation,
    })),
  ]),
});

/** One metric per line, per mode; category lines name their category, duration lines are virtual only. */
const virtualVsInPersonTable = (v: VirtualVsInPerson): CsvTable => ({
  columns: ['mode', 'metric', 'category', 'value'],
  rows: v.modes.flatMap((m) => [
    ...(
      [
        ['validations', m.validations],
        ['deficiencies', m.deficiencies],
        ['perValidation', m.perValidation],
        ['shareWithActionRequired', m.shareWithActionRequired],
      ] as const
    ).map(([metric, value]) => ({ mode: m.mode, metric, category: '', value })),
    ...m.byCategory.flatMap((c) => [
      { mode: m.mode, metric: 'categoryCount', category: c.category, value: c.count },
      { mode: m.mode, metric: 'categoryPercent', category: c.category, value: c.percent },
    ]),
    ...Object.entries(m.sessionDuration ?? {}).map(([metric, value]) => ({
      mode: m.mode,
      metric,
      category: '',
      value,
    })),
  ]),
});

const wantsCsv = (request: FastifyRequest) => /\btext\/csv\b/i.test(request.headers.accept ?? '');

/** GET /v1/analytics/<view>: the MSC performance views over the caller's scope, as JSON or (Accept: text/csv) CSV. */
export const analyticsRoutes: FastifyPluginAsync<AnalyticsRoutesOptions> = async (app, options) => {
  const { db } = options;

  function view<Q extends AnalyticsFilters, R>(
    name: string,
    schema: z.ZodType<Q>,
    compute: (user: HqUser, query: Q) => Promise<R>,
    table: (result: R) => CsvTable,
  ) {
    app.get(`/v1/analytics/${name}`, async (request, reply) => {
      const principal = await options.requirePrincipal(request, reply);
      if (!principal) return reply;
      const query = schema.safeParse(request.query);
      if (!query.success) {
        return reply.code(400).send({ error: { code: 'BAD_REQUEST', message: describeFilterIssue(query.error) } });
      }
      const result = await compute(principal.user, query.data);
      request.log.info({ deviceId: principal.deviceId, view: name }, 'analytics');
      if (!wantsCsv(request)) return result;
      const { columns, rows } = table(result);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .send(stringify(rows, { header: true, columns }));
    });
  }

  view(
    'key-statistics',
    AnalyticsFiltersSchema,
    (user, filters) => keyStatistics(db, user, filters, { today: today() }),
    keyStatisticsTable,
  );
  view(
    'deficiencies-by-category',
    AnalyticsFiltersSchema,
    (user, filters) => deficienciesByCategory(db, user, filters),
    (r) => ({ columns: ['category', 'name', 'count', 'percent', 'actionRequired', 'recommendation'], rows: r.rows }),
  );
  view(
    'top-deficiencies',
    TopDeficienciesQuerySchema,
    (user, query) => topDeficiencies(db, user, query),
    (r) => ({ columns: ['criterionId', 'category', 'timesDeficient', 'timesAssessed', 'rate'], rows: r.rows }),
  );
  view(
    'deficiency-reasons',
    AnalyticsFiltersSchema,
    (user, filters) => deficiencyReasons(db, user, filters),
    (r) => ({ columns: ['reasonCode', 'count', 'percent'], rows: r.rows }),
  );
  view('trends', AnalyticsFiltersSchema, (user, filters) => trends(db, user, filters), trendsTable);
  view(
    'virtual-vs-in-person',
    AnalyticsFiltersSchema,
    (user, filters) => virtualVsInPerson(db, user, filters),
    virtualVsInPersonTable,
  );
};
