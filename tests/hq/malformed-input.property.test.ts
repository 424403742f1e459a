import { createHash, randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createAssignment } from '../../hq/assignments';
import { ANALYTICS_VIEWS } from '../../shared/analytics/views';
import { DEFAULT_POLICY } from '../../shared/domain/policy';
import { MEMBER_RECORD_CHANGES_PATH } from '../../shared/sync/member-record-protocol';
import { SYNC_ENTITIES, SYNC_OPERATIONS } from '../../shared/sync/payloads';
import { certifiedTier1History } from '../member-record-fixtures';
import { encodeSegment, type Json, nearlyValid } from '../near-valid';
import { propertyRun, propertyTimeout } from '../property-runs';
import { worksheetCriterionIds } from './changes';
import {
  ANALYST,
  BACKENDS,
  countRows,
  createValidation,
  DANA,
  enrol,
  HQ_TABLES,
  type HqTestContext,
  makeValidation,
  push,
  responseChange,
  SUPERVISOR,
  testUserId,
  useHqBackend,
} from './helpers';

/**
 * Seeded malformed requests to every route HQ serves, each sent by an SCSS, a supervisor, an analyst, a device
 * HQ does not know or nobody: none may answer 5xx or show HQ's paths or a stack, a refusal writes nothing in
 * any table, a push that is answered names an outcome for every change it carried, and an answer HQ applied is
 * stored as sent. Near-valid requests (a valid one with one part broken) reach past the schema checks.
 */

type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'TRACE' | 'QUERY';
type Request = {
  method: Method;
  url: string;
  payload?: Json;
  headers?: Record<string, string>;
};

const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\uD800', '\uDFFF', '..%2F..%2Fetc', '%E0%A4%A', '9'.repeat(40), '-1', ' ', ''),
  fc.constantFrom('2026-02-30', '2026-13-01', '0000-01-01', '2026-11-20T25:00:00Z', 'MSC-9999-99', '00000000-0000'),
  fc.integer(),
  fc.constantFrom(2 ** 31, 2 ** 53, -(2 ** 31) - 1, 1e308, -0),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const anyJson: fc.Arbitrary<Json> = fc.oneof(
  nasty,
  fc.array(nasty, { maxLength: 3 }),
  fc.dictionary(fc.string(), nasty, { maxKeys: 4 }),
);

const segment = nasty.map(encodeSegment);

/** A valid value as it is, or with one place in it broken. */
const nearly = (valid: Json) => nearlyValid(valid, fc.oneof(nasty, anyJson));

/** A query string from a near-valid object of parameters (arrays repeat the parameter). */
const queryOf = (params: Json): string => {
  if (params === null || typeof params !== 'object' || Array.isArray(params)) return `?q=${encodeSegment(params)}`;
  const parts = Object.entries(params).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((v) => `${encodeSegment(key)}=${encodeSegment(v)}`),
  );
  return parts.length > 0 ? `?${parts.join('&')}` : '';
};

/**
 * Where each request comes from: one of 254 documentation addresses (RFC 5737), so refused enrolment codes lock
 * out only those, not the other tests' enrolments, and most enrolment requests still reach the code check.
 */
const fuzzerAddress = fc.integer({ min: 1, max: 254 }).map((n) => `203.0.113.${n}`);

const TUS_METHODS: Method[] = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'TRACE', 'QUERY'];
const base64 = (text: string) => Buffer.from(text).toString('base64');

/** What the generators build requests from: a validation and a Member HQ holds, HQ's policy version, a pull cursor. */
type Fixture = { validationId: string; member: Json; policyVersion: number; pullCursor: string };

/** For each path HQ serves (Fastify's form), the methods a request may use and how it is built. */
function routeRequests(f: Fixture): Record<string, { methods: Method[]; request: fc.Arbitrary<Request> }> {
  const v = f.validationId;
  const idSegment = fc.oneof(fc.constant(v), fc.constant(v.toUpperCase()), fc.uuid(), segment);
  const sha = fc.oneof(fc.constant(createHash('sha256').update('x').digest('hex')), segment);
  const get = (url: fc.Arbitrary<string>) =>
    fc.tuple(fc.constantFrom<Method>('GET', 'HEAD'), url).map(([method, u]): Request => ({ method, url: u }));
  const nearlyAChange = fc.record({
    changeId: fc.oneof(fc.uuid(), nasty),
    entity: fc.oneof(fc.constantFrom(...SYNC_ENTITIES), nasty),
    entityId: fc.oneof(fc.constant(`${v}/1.1`), fc.constant(v), nasty),
    operation: fc.oneof(fc.constantFrom(...SYNC_OPERATIONS), nasty),
    payload: fc.oneof(
      fc.record({
        validationId: fc.oneof(fc.constant(v), nasty),
        criterionId: fc.oneof(fc.constantFrom('1.1', '4.17'), nasty),
        result: fc.oneof(fc.constantFrom('COMPLIANT', 'DEFICIENT'), nasty),
        notes: nasty,
        version: fc.oneof(fc.constantFrom(1, 2 ** 31, 2 ** 53), nasty),
        baseVersion: fc.oneof(fc.constant(0), nasty),
      }),
      anyJson,
    ),
    createdAt: fc.oneof(fc.constant('2026-11-20T15:00:00.000Z'), nasty),
  });
  const validPush = (changeId: string, notes: string): Json =>
    ({ changes: [responseChange(v, '2.1', 1, 0, notes)].map((c) => ({ ...c, changeId })) }) as unknown as Json;
  const analyticsQuery = (limit: boolean): Json => ({
    submittedFrom: '2026-01-01',
    submittedTo: '2026-12-31',
    entityType: 'HC',
    mode: 'VIRTUAL',
    fieldOffice: 'Houston',
    edition: 'MSC-2019-11',
    ...(limit ? { limit: '5' } : {}),
  });
  const routes: Record<string, { methods: Method[]; request: fc.Arbitrary<Request> }> = {
    '/healthz': { methods: ['GET', 'HEAD'], request: get(fc.constant('/healthz')) },
    '/openapi.json': { methods: ['GET', 'HEAD'], request: get(fc.constant('/openapi.json')) },
    '/v1/enroll': {
      methods: ['POST'],
      request: fc
        .oneof(anyJson, nearly({ code: 'ABCD-EFGH-JKLM', deviceName: 'Field laptop', installationId: randomUUID() }))
        .map((payload) => ({ method: 'POST', url: '/v1/enroll', payload })),
    },
    '/v1/enroll/undo': {
      methods: ['POST'],
      request: fc
        .oneof(anyJson, nearly({ code: 'ABCD-EFGH-JKLM' }))
        .map((payload) => ({ method: 'POST', url: '/v1/enroll/undo', payload })),
    },
    '/v1/push': {
      methods: ['POST'],
      request: fc
        .oneof(
          anyJson,
          fc.record({ changes: fc.array(nearlyAChange, { maxLength: 4 }) }),
          fc.tuple(fc.uuid(), fc.string({ maxLength: 20 })).chain(([id, notes]) => nearly(validPush(id, notes))),
        )
        .map((payload) => ({ method: 'POST', url: '/v1/push', payload: payload as Json })),
    },
    '/v1/pull': {
      methods: ['GET', 'HEAD'],
      request: fc
        .tuple(fc.constantFrom<Method>('GET', 'HEAD'), nearly({ cursor: f.pullCursor, limit: '50' }))
        .map(([method, query]) => ({ method, url: `/v1/pull${queryOf(query)}` })),
    },
    '/v1/validations/:id/receipt': {
      methods: ['GET', 'HEAD'],
      request: get(idSegment.map((id) => `/v1/validations/${id}/receipt`)),
    },
    '/v1/validations/:id/history': {
      methods: ['GET', 'HEAD'],
      request: get(idSegment.map((id) => `/v1/validations/${id}/history`)),
    },
    '/v1/policy': {
      methods: ['GET', 'HEAD', 'PUT'],
      request: fc.oneof(
        get(fc.constant('/v1/policy')),
        fc
          .oneof(anyJson, nearly({ baseVersion: f.policyVersion, policy: DEFAULT_POLICY as unknown as Json }))
          .map((payload): Request => ({ method: 'PUT', url: '/v1/policy', payload })),
      ),
    },
    [MEMBER_RECORD_CHANGES_PATH]: {
      methods: ['POST'],
      request: fc
        .oneof(
          anyJson,
          fc.uuid().chain((id) =>
            nearly({
              member: f.member,
              events: [{ id, baseVersion: 0, at: '2026-11-20T15:00:00.000Z', change: certifiedTier1History() }],
            }),
          ),
        )
        .map((payload) => ({ method: 'POST', url: MEMBER_RECORD_CHANGES_PATH, payload })),
    },
    '/v1/evidence/files/:sha256': { methods: ['GET', 'HEAD'], request: get(sha.map((s) => `/v1/evidence/files/${s}`)) },
    '/v1/evidence/uploads': {
      methods: TUS_METHODS,
      request: fc
        .tuple(
          fc.constantFrom(...TUS_METHODS),
          nearly({
            'tus-resumable': '1.0.0',
            'upload-length': '1',
            'upload-metadata': `sha256 ${base64(createHash('sha256').update('x').digest('hex'))},filename ${base64('seal.jpg')}`,
          }),
        )
        .map(([method, headers]) => ({ method, url: '/v1/evidence/uploads', headers: headersOf(headers) })),
    },
    '/v1/evidence/uploads/:uploadId': {
      methods: TUS_METHODS,
      request: fc
        .tuple(
          fc.constantFrom(...TUS_METHODS),
          segment,
          nearly({
            'tus-resumable': '1.0.0',
            'upload-offset': '0',
            'content-type': 'application/offset+octet-stream',
          }),
        )
        .map(([method, id, headers]) => ({ method, url: `/v1/evidence/uploads/${id}`, headers: headersOf(headers) })),
    },
  };
  for (const view of ANALYTICS_VIEWS) {
    routes[`/v1/analytics/${view}`] = {
      methods: ['GET', 'HEAD'],
      request: fc
        .tuple(
          fc.constantFrom<Method>('GET', 'HEAD'),
          nearly(analyticsQuery(view === 'top-deficiencies')),
          fc.constantFrom('application/json', 'text/csv'),
        )
        .map(([method, query, accept]) => ({
          method,
          url: `/v1/analytics/${view}${queryOf(query)}`,
          headers: { accept },
        })),
    };
  }
  return routes;
}

/** Header values from a near-valid object: strings only, and what Node would refuse to send as a header is left out. */
function headersOf(value: Json): Record<string, string> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return {};
  const headers: Record<string, string> = {};
  for (const [name, raw] of Object.entries(value)) {
    const text = typeof raw === 'string' ? raw : JSON.stringify(raw);
    if (/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) && /^[\t\x20-\x7e]*$/.test(text ?? '')) headers[name] = text ?? '';
  }
  return headers;
}

/** The routes Fastify serves, read from its route tree: path (with `:param`) and method. */
function servedRoutes(app: FastifyInstance): { path: string; method: string }[] {
  const served: { path: string; method: string }[] = [];
  const parents: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+) \(([^)]+)\)$/.exec(line);
    if (!match) continue;
    const depth = (match[1] ?? '').length / 4;
    parents.length = depth;
    const path = `${parents.join('')}${match[2]}`;
    parents.push(match[2] ?? '');
    for (const method of (match[3] ?? '').split(', ')) served.push({ path, method });
  }
  return served;
}

async function everyTableCount(ctx: HqTestContext): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of HQ_TABLES) counts[table] = await countRows(ctx.db, table);
  return counts;
}

describe.each(BACKENDS)('malformed input to HQ (property-based, seeded), on %s', (backend) => {
  const ctx = useHqBackend(backend);

  /** A validation Dana holds at HQ, a Houston Member, HQ's policy version and the cursor of a first pull. */
  async function fixture(): Promise<Fixture> {
    const dana = await enrol(ctx, DANA);
    const v = makeValidation();
    await push(ctx, dana.token, { changes: [createValidation(v), responseChange(v.id, '1.1', 1, 0)] });
    const assignment = await createAssignment(ctx.db, {
      'member-name': 'Gulf Importers LLC',
      account: 'ACCT-100',
      'entity-type': 'IMP',
      mode: 'IN_PERSON',
      'target-date': '2027-01-15',
      scss: await testUserId(ctx.db, DANA),
    });
    const { id, accountNumber, legalName, entityType, city, country, correspondenceLanguage } = assignment.member;
    const asDana = { authorization: `Bearer ${dana.token}` };
    const pulled = await ctx.app.inject({ method: 'GET', url: '/v1/pull?limit=1', headers: asDana });
    const policy = await ctx.app.inject({
      method: 'GET',
      url: '/v1/policy',
      headers: asDana,
    });
    return {
      validationId: v.id,
      member: { id, accountNumber, legalName, entityType, city, country, correspondenceLanguage },
      policyVersion: (policy.json() as { version: number }).version,
      pullCursor: (pulled.json() as { cursor: string }).cursor,
    };
  }

  it('has a request generator for every route and method HQ serves', async () => {
    const routes = routeRequests({ validationId: randomUUID(), member: {}, policyVersion: 0, pullCursor: 'x' });
    const served = servedRoutes(ctx.app);
    expect(served.length).toBeGreaterThan(20);
    const uncovered = served.filter(({ path, method }) => !routes[path]?.methods.includes(method as Method));
    expect(uncovered).toEqual([]);
    const unserved = Object.entries(routes).flatMap(([path, { methods }]) =>
      methods
        .filter((method) => !served.some((s) => s.path === path && s.method === method))
        .map((m) => `${m} ${path}`),
    );
    expect(unserved).toEqual([]);
  });

  it(
    'never answers 5xx, a refusal writes nothing, and an applied answer is stored as sent',
    async () => {
      const f = await fixture();
      const tokens = [
        (await enrol(ctx, DANA)).token,
        (await enrol(ctx, SUPERVISOR)).token,
        (await enrol(ctx, ANALYST)).token,
        'not-a-token-HQ-issued',
        null,
      ];
      const routes = Object.values(routeRequests(f)).map((route) => route.request);
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(...routes),
          fc.constantFrom(...tokens),
          fuzzerAddress,
          async (request, token, from) => {
            const before = await everyTableCount(ctx);
            const headers: Record<string, string> = { ...request.headers };
            if (token) headers.authorization = `Bearer ${token}`;
            if (request.payload !== undefined) headers['content-type'] = 'application/json';
            const response = await ctx.app.inject({
              method: request.method,
              url: request.url,
              headers,
              remoteAddress: from,
              ...(request.payload === undefined ? {} : { payload: JSON.stringify(request.payload) }),
            });
            const said = `${request.method} ${request.url}: ${response.body.slice(0, 400)}`;
            expect(response.statusCode, said).toBeLessThan(500);
            expect(response.body, said).not.toMatch(/\/tmp\/|\/work\/|node_modules|at [A-Za-z.]+ \(/);
            if (response.statusCode >= 400) expect(await everyTableCount(ctx), said).toEqual(before);
            if (request.url === '/v1/push' && response.statusCode === 200) {
              const sent = (request.payload as { changes: Record<string, unknown>[] }).changes;
              const receipts = response.json().receipts as { outcome: string }[];
              expect(receipts, said).toHaveLength(sent.length);
              await expectAppliedAnswersStoredAsSent(ctx, sent, receipts);
            }
          },
        ),
        propertyRun({ seed: 20261202, numRuns: 400 }),
      );
      // HQ still takes an ordinary change afterwards.
      const after = await push(ctx, tokens[0] as string, {
        changes: [responseChange(f.validationId, '2.2', 1, 0)],
      });
      expect(after.body.receipts.map((r) => r.outcome)).toEqual(['applied']);
    },
    propertyTimeout(300_000),
  );

  it(
    'stores what it acknowledges: an answer with any text is stored exactly as sent, or refused and nothing stored',
    async () => {
      const dana = await enrol(ctx, DANA);
      const text = fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.constantFrom('\u0000', 'a\uD800b', '\uDC00', 'e\u0301', '\u202Eevil', '\uFEFF', '\u{1F6A2}', '\\u0000'),
      );
      const criteria = worksheetCriterionIds().slice(0, 10);
      await fc.assert(
        fc.asyncProperty(
          fc.uniqueArray(fc.tuple(fc.constantFrom(...criteria), text), {
            selector: ([criterionId]) => criterionId,
            minLength: 1,
            maxLength: 3,
          }),
          async (answers) => {
            const v = makeValidation();
            const sent = [
              createValidation(v),
              ...answers.map(([criterionId, notes]) => responseChange(v.id, criterionId, 1, 0, notes)),
            ] as unknown as Record<string, unknown>[];
            const answered = await push(ctx, dana.token, { changes: sent });
            const [held] = await ctx.db.query<{ n: number }>(
              'SELECT count(*)::int AS n FROM validations WHERE id = $1',
              [v.id],
            );
            // Text PostgreSQL cannot hold refuses the whole request at the door, naming where it is.
            const unstorable = answers.findIndex(([, notes]) => !wellFormed(notes));
            if (unstorable >= 0) {
              expect(answered.status).toBe(400);
              expect((answered.body.error as { message?: string } | undefined)?.message).toMatch(
                new RegExp(`^changes\\.${unstorable + 1}\\.payload\\.notes: `),
              );
              expect(held?.n).toBe(0);
              return;
            }
            const receipts = answered.body.receipts as { outcome: string }[];
            expect(receipts.map((r) => r.outcome)).toEqual(sent.map(() => 'applied'));
            await expectAppliedAnswersStoredAsSent(ctx, sent, receipts);
          },
        ),
        propertyRun({ seed: 20261206, numRuns: 150 }),
      );
    },
    propertyTimeout(120_000),
  );
});

/** Text PostgreSQL can hold: well-formed Unicode without NUL. */
const wellFormed = (text: string) =>
  (text as string & { isWellFormed(): boolean }).isWellFormed() && !text.includes('\u0000');

/** The last answer to each criterion HQ says it applied is held with the payload sent, its baseVersion aside. */
async function expectAppliedAnswersStoredAsSent(
  ctx: HqTestContext,
  sent: Record<string, unknown>[],
  receipts: { outcome: string }[],
): Promise<void> {
  const lastApplied = new Map<string, Record<string, unknown>>();
  for (const [i, change] of sent.entries()) {
    if (receipts[i]?.outcome === 'applied') lastApplied.set(`${change.entity}\u0000${change.entityId}`, change);
  }
  for (const change of lastApplied.values()) {
    if (change.entity !== 'criterion_response' || change.operation !== 'upsert') continue;
    const { baseVersion: _base, ...payload } = change.payload as Record<string, unknown>;
    const [stored] = await ctx.db.query<{ payload: unknown }>(
      'SELECT payload FROM records WHERE entity = $1 AND entity_id = $2',
      [change.entity, change.entityId],
    );
    expect(stored?.payload, `applied ${String(change.entityId)}`).toEqual(payload);
  }
}
