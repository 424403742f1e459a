import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SYNC_ENTITIES, SYNC_OPERATIONS } from '../../shared/sync/payloads';
import { propertyRun, propertyTimeout } from '../property-runs';
import {
  BACKENDS,
  contentCounts,
  createValidation,
  DANA,
  enrol,
  makeValidation,
  push,
  responseChange,
  useHqBackend,
} from './helpers';

/**
 * Seeded malformed requests to every HQ route: none may answer 5xx, a refusal writes nothing, and a push that
 * is answered names an outcome for every change it carried.
 */
const nasty = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\uD800', '\uDFFF', '..%2F..%2Fetc', '%E0%A4%A', '9'.repeat(40), '-1', ' '),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const anyJson = fc.oneof(nasty, fc.array(nasty, { maxLength: 3 }), fc.dictionary(fc.string(), nasty, { maxKeys: 4 }));

type Request = { method: 'GET' | 'POST' | 'HEAD' | 'PATCH' | 'DELETE'; url: string; payload?: unknown };

/** A URL segment; text with a lone surrogate cannot be URI-encoded, so its raw UTF-16 bytes go percent-encoded. */
function encodeSegment(value: unknown): string {
  const text = String(value);
  try {
    return encodeURIComponent(text);
  } catch {
    return [...Buffer.from(text, 'utf16le')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  }
}
const segment = nasty.map(encodeSegment);
const nearlyAChange = (validationId: string) =>
  fc.record({
    changeId: fc.oneof(fc.uuid(), nasty),
    entity: fc.oneof(fc.constantFrom(...SYNC_ENTITIES), nasty),
    entityId: fc.oneof(fc.constant(`${validationId}/1.1`), fc.constant(validationId), nasty),
    operation: fc.oneof(fc.constantFrom(...SYNC_OPERATIONS), nasty),
    payload: fc.oneof(
      fc.record({
        validationId: fc.oneof(fc.constant(validationId), nasty),
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

const requests = (validationId: string): fc.Arbitrary<Request> =>
  fc.oneof(
    fc.record({ method: fc.constant('POST' as const), url: fc.constant('/v1/enroll'), payload: anyJson }),
    fc.record({
      method: fc.constant('POST' as const),
      url: fc.constant('/v1/push'),
      payload: fc.oneof(anyJson, fc.record({ changes: fc.array(nearlyAChange(validationId), { maxLength: 4 }) })),
    }),
    fc
      .tuple(segment, segment)
      .map(([cursor, limit]) => ({ method: 'GET' as const, url: `/v1/pull?cursor=${cursor}&limit=${limit}` })),
    segment.map((id) => ({ method: 'GET' as const, url: `/v1/validations/${id}/receipt` })),
    segment.map((sha) => ({ method: 'HEAD' as const, url: `/v1/evidence/files/${sha}` })),
    fc
      .tuple(fc.constantFrom('HEAD', 'PATCH', 'DELETE', 'GET') as fc.Arbitrary<Request['method']>, segment)
      .map(([method, id]) => ({ method, url: `/v1/evidence/uploads/${id}` })),
  );

describe.each(BACKENDS)('malformed input to HQ (property-based, seeded), on %s', (backend) => {
  const ctx = useHqBackend(backend);

  it(
    'never answers 5xx, and a refusal writes nothing',
    async () => {
      const dana = await enrol(ctx, DANA);
      const v = makeValidation();
      await push(ctx, dana.token, { changes: [createValidation(v), responseChange(v.id, '1.1', 1, 0)] });
      await fc.assert(
        fc.asyncProperty(requests(v.id), async (request) => {
          const before = await contentCounts(ctx.db);
          const headers: Record<string, string> = { authorization: `Bearer ${dana.token}` };
          if (request.method === 'PATCH') {
            Object.assign(headers, {
              'tus-resumable': '1.0.0',
              'upload-offset': '0',
              'content-type': 'application/offset+octet-stream',
            });
          }
          if (request.payload !== undefined) headers['content-type'] = 'application/json';
          const response = await ctx.app.inject({
            method: request.method,
            url: request.url,
            headers,
            ...(request.payload === undefined ? {} : { payload: JSON.stringify(request.payload) }),
          });
          expect(response.statusCode, `${request.method} ${request.url}: ${response.body}`).toBeLessThan(500);
          expect(response.body).not.toMatch(/\/tmp\/|\/work\/|node_modules|at [A-Za-z]+ \(/);
          if (response.statusCode >= 400) expect(await contentCounts(ctx.db)).toEqual(before);
          if (request.url === '/v1/push' && response.statusCode === 200) {
            const sent = (request.payload as { changes: unknown[] }).changes;
            expect(response.json().receipts).toHaveLength(sent.length);
          }
        }),
        propertyRun({ seed: 20261202, numRuns: 250 }),
      );
      // HQ still takes an ordinary change afterwards.
      const after = await push(ctx, dana.token, { changes: [responseChange(v.id, '2.1', 1, 0, randomUUID())] });
      expect(after.body.receipts.map((r) => r.outcome)).toEqual(['applied']);
    },
    propertyTimeout(180_000),
  );
});
