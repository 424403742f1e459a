import path from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME } from '../../electron/services/app-services';
import { CHANNELS } from '../../shared/ipc/channels';
import type { Envelope } from '../../shared/ipc/envelope';
import { encodeSegment } from '../near-valid';
import { propertyRun, propertyTimeout } from '../property-runs';
import { harnessForFile, type RawResponse, sendRawRequest } from './harness-fixture';

/**
 * Seeded malformed HTTP requests to the web harness, written byte for byte on a socket (fetch would normalise
 * them): odd methods and request targets, channel names, origins, content types and bodies. The harness never
 * answers 5xx, never shows its paths or a stack, writes nothing when it refuses, and keeps answering. What each
 * channel does with a payload is the dispatcher's property run (tests/db); this one is the HTTP layer in front.
 */

const fixture = harnessForFile('ctpat-harness-property-');

/** A request as the run draws it; `sendRaw` writes it on a socket as it is. */
type DrawnRequest = {
  method: string;
  target: string;
  origin: 'page' | 'other' | 'none';
  contentType: string;
  body: string;
};

const sendRaw = (request: DrawnRequest): Promise<RawResponse> =>
  sendRawRequest(fixture.origin, {
    method: request.method,
    target: request.target,
    headers: [
      ...(request.origin === 'none'
        ? []
        : [`Origin: ${request.origin === 'page' ? fixture.origin : 'http://evil.example'}`]),
      ...(request.contentType ? [`Content-Type: ${request.contentType}`] : []),
    ],
    body: request.body,
  });

const nastyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom('\u0000', 'a\uD800', '..', '%', '%E0%A4%A', '%2e%2e', '?', '#', ';', ' ', 'x'.repeat(3000)),
);
const segment = nastyText.map(encodeSegment);
/** Raw target pieces the URL parser treats specially; written as they are. */
const raw = fc.constantFrom('//', '/\\', '//:99999', '*', '/..', '/%2e%2e/', '/./', '?', '#', '/%00', '/%E0%A4%A');
const channel = fc.oneof(fc.constantFrom(...CHANNELS), nastyText);

const target: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(channel, fc.constantFrom('', '?x=1', '/more')).map(([c, rest]) => `/api/invoke/${encodeSegment(c)}${rest}`),
  fc.tuple(fc.constantFrom('/api/invoke/', '/api/invoke', '/api/', '/api/events/'), segment).map(([a, b]) => a + b),
  fc.tuple(segment, fc.constantFrom('', '?thumb', '/x')).map(([s, rest]) => `/evidence-files/${s}${rest}`),
  fc.tuple(fc.constantFrom('/', '/assets/', '/index.html/', '/harness/'), segment).map(([a, b]) => a + b),
  fc.array(fc.oneof(raw, segment), { minLength: 1, maxLength: 4 }).map((parts) => parts.join('')),
  fc.constantFrom('/', '/index.html', '/../../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', 'http://127.0.0.1/'),
);

const jsonBody = fc.oneof(
  fc.jsonValue().map((v) => JSON.stringify(v)),
  fc.record({ validationId: nastyText, criterionId: nastyText, notes: nastyText }).map((v) => JSON.stringify(v)),
);
const body = fc.oneof(jsonBody, fc.string({ maxLength: 50 }), fc.constantFrom('', '{', '{"a":', 'null', '[]'));

const anyRequest: fc.Arbitrary<DrawnRequest> = fc.record({
  method: fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom('POST', 'GET', 'HEAD') },
    { weight: 1, arbitrary: fc.constantFrom('PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE', 'BREW') },
  ),
  target,
  origin: fc.oneof(
    { weight: 4, arbitrary: fc.constant('page' as const) },
    { weight: 1, arbitrary: fc.constantFrom('other' as const, 'none' as const) },
  ),
  contentType: fc.oneof(
    { weight: 4, arbitrary: fc.constant('application/json') },
    { weight: 1, arbitrary: fc.constantFrom('', 'text/plain', 'application/json; charset=latin1') },
  ),
  body,
});

/** What the page itself sends, with a channel name or body that may be wrong: it reaches the dispatcher. */
const pageCall: fc.Arbitrary<DrawnRequest> = fc.record({
  method: fc.constant('POST'),
  target: channel.map((c) => `/api/invoke/${encodeSegment(c)}`),
  origin: fc.constant('page' as const),
  contentType: fc.constant('application/json'),
  body: jsonBody,
});
const request = fc.oneof(pageCall, anyRequest);

describe('the web harness over HTTP (property-based, seeded)', () => {
  it(
    'never answers 5xx or shows its paths, writes nothing when it refuses, and keeps answering',
    async () => {
      const store = new Database(path.join(fixture.dataDir, DATABASE_FILE_NAME), { readonly: true });
      // Moves whenever another connection (the harness's) commits a write to the store.
      const dataVersion = () => store.pragma('data_version', { simple: true }) as number;
      try {
        await fc.assert(
          fc.asyncProperty(request, async (sent) => {
            const before = dataVersion();
            const answer = await sendRaw(sent);
            const said = `${sent.method} ${sent.target.slice(0, 120)}: ${answer.status} ${answer.body.slice(0, 300)}`;
            expect(answer.status, said).toBeGreaterThanOrEqual(200);
            expect(answer.status, said).toBeLessThan(500);
            const envelope = answer.body.startsWith('{"ok":') ? (JSON.parse(answer.body) as Envelope<unknown>) : null;
            if (answer.status >= 400 || envelope?.ok === false) {
              // A refusal names what was wrong, never where the data lives or how the code failed (app:info,
              // which Settings shows, is where the data folder is told).
              expect(answer.body, said).not.toContain(fixture.dataDir);
              expect(answer.body, said).not.toMatch(/node_modules|\/work\/|\n\s+at [\w.<>]+ \(/);
              expect(dataVersion(), said).toBe(before);
            }
            if (envelope?.ok === false) expect(envelope.error.code, said).not.toBe('INTERNAL');
          }),
          propertyRun({ seed: 20261206, numRuns: 1000 }),
        );
      } finally {
        store.close();
      }
      const info = await sendRaw({
        method: 'POST',
        target: '/api/invoke/app%3Ainfo',
        origin: 'page',
        contentType: 'application/json',
        body: '{}',
      });
      expect(info.status).toBe(200);
      expect(info.body).toContain('"ok":true');
    },
    propertyTimeout(120_000),
  );
});
