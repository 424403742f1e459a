import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { DatabaseTooNewError } from '../../db/migrations';
import { readSettings } from '../../db/queries/settings';
import { formatFileSize } from '../../shared/domain/evidence-files';
import type { EventName } from '../../shared/ipc/channels';
import { AppError, fail } from '../../shared/ipc/envelope';
import { createDispatcher } from '../ipc/dispatch';
import { createHandlers } from '../ipc/handlers';
import { CONTENT_SECURITY_POLICY } from '../main/security';
import { contentTypeFor, resolveStaticPath } from '../main/static-path';
import { openAppServices } from '../services/app-services';
import { stringOptions, UsageError } from '../services/cli-options';
import { resolveDataDir } from '../services/data-dir';
import { evidenceRequestFor, evidenceResponseHeaders, openEvidenceRequest } from '../services/evidence-store';
import { fileCredentialStore } from '../services/hq-credentials';
import { closeReportPrinter, warmReportPrinterInBackground } from '../services/report/pdf';
import { startupError, systemLanguages } from '../services/startup-error';
import { syncHostOptions } from '../services/sync-host';
import { createSyncService } from '../services/sync-service';

const MAX_BODY_BYTES = 1024 * 1024;
/** Room in an evidence:attach body for everything besides the file's base64 (names, caption, JSON). */
const ATTACH_BODY_MARGIN_BYTES = 256 * 1024;
const SHIM_PATH = '/__harness/web-api-shim.js';

const USAGE =
  'Usage: node dist/harness/server.mjs [--data-dir=PATH] [--port=N] (npm start -- … and npm run dev:web -- … pass them on)';

function parsePort(flag: string | undefined, env: NodeJS.ProcessEnv): number {
  const value = flag ?? env.PORT ?? '5174';
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0–65535, got "${value}"`);
  return port;
}

/**
 * CTPAT_CLOCK_OFFSET_MS shifts the clock the services stamp with, to try the app on a laptop whose clock is wrong
 * (a dead clock battery puts it years behind); unset, the computer's clock.
 */
function clockFromEnv(env: NodeJS.ProcessEnv): { now?: () => Date } {
  const value = env.CTPAT_CLOCK_OFFSET_MS;
  if (value === undefined || value === '') return {};
  const offsetMs = Number(value);
  if (!Number.isSafeInteger(offsetMs)) {
    throw new Error(`CTPAT_CLOCK_OFFSET_MS must be a whole number of milliseconds, got "${value}"`);
  }
  return { now: () => new Date(Date.now() + offsetMs) };
}

class BodyTooLargeError extends Error {}

async function readBody(request: http.IncomingMessage, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What a request on this channel may carry: evidence files travel base64-encoded, up to the evidence limit. */
function bodyLimitFor(channel: string, maxEvidenceBytes: number): number {
  return channel === 'evidence:attach'
    ? Math.ceil(maxEvidenceBytes / 3) * 4 + ATTACH_BODY_MARGIN_BYTES
    : MAX_BODY_BYTES;
}

function tooLargeMessage(channel: string, bodyBytes: number | null, maxEvidenceBytes: number): string {
  if (channel !== 'evidence:attach') return `Refused ${channel}: the request is larger than 1 MB.`;
  const about = bodyBytes === null ? '' : ` it is about ${formatFileSize(Math.floor((bodyBytes * 3) / 4))};`;
  return `The file was not attached:${about} the limit is ${formatFileSize(maxEvidenceBytes)}.`;
}

function sendJson(response: http.ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

/**
 * The request's path and query on this server, or null for a target that names none ("*", "//:99999").
 * An origin-form target is always a path: "//host" must not be read as another host.
 */
function parseRequestTarget(target: string | undefined, origin: string): URL | null {
  if (!target) return null;
  try {
    if (target.startsWith('/')) return new URL(`${origin}${target}`);
    const absolute = new URL(target);
    return absolute.protocol === 'http:' ? absolute : null;
  } catch {
    return null;
  }
}

/** The channel named by /api/invoke/<name>, or null when its percent-encoding is broken. */
function decodeChannel(encoded: string): string | null {
  try {
    return decodeURIComponent(encoded);
  } catch {
    return null;
  }
}

export async function startHarness(argv = process.argv, env = process.env) {
  const distDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
  const rendererDir = path.join(distDir, 'renderer');
  const shimFile = path.join(distDir, 'harness', 'web-api-shim.js');
  // Checked strictly first; --data-dir is then read as the Electron main reads it (which takes Chromium's too).
  const options = stringOptions(argv.slice(2), ['data-dir', 'port'], USAGE);
  const dataDir = path.resolve(resolveDataDir(argv, env, path.join(process.cwd(), '.data')));
  const port = parsePort(options.port, env);

  const credentials = fileCredentialStore(dataDir);
  // The enrolled person acts once enrolled (CTPAT_ACTOR names the not-yet-enrolled laptop in tests), never the
  // OS account. Demo Members' validations stay here unless CTPAT_SEND_DEMO_TO_HQ=1 (tests that sync them).
  const services = openAppServices({
    dataDir,
    credentials,
    demoValidationsStayLocal: env.CTPAT_SEND_DEMO_TO_HQ !== '1',
    ...(env.CTPAT_ACTOR ? { actor: env.CTPAT_ACTOR } : {}),
    ...clockFromEnv(env),
  });
  let origin = '';
  const eventStreams = new Set<http.ServerResponse>();
  const emit = (event: EventName, payload: unknown) => {
    for (const stream of eventStreams) stream.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
  };
  const sync = createSyncService(services.ctx, credentials, {
    ...syncHostOptions(services.ctx),
    emit,
  });
  const dispatch = createDispatcher(
    createHandlers(services.ctx, {
      version: env.npm_package_version ?? '0.1.0',
      dataDir,
      transport: 'web-harness',
      sync,
      emit,
      warmPdfPrinter: warmReportPrinterInBackground,
    }),
    console.error,
    () => sync.noteRequestHandled(),
  );
  sync.startBackground();

  const server = http.createServer(async (request, response) => {
    const url = parseRequestTarget(request.url, origin);
    if (!url) {
      response.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad request target');
      return;
    }
    try {
      if (url.pathname.startsWith('/api/invoke/') && request.method === 'POST') {
        // Same-origin JSON only: another site open in the browser must not drive the store.
        if (request.headers.origin !== origin || !request.headers['content-type']?.startsWith('application/json')) {
          sendJson(
            response,
            403,
            fail('FORBIDDEN', 'Refused: the request did not come from the CTPAT Validator page.'),
          );
          return;
        }
        const channel = decodeChannel(url.pathname.slice('/api/invoke/'.length));
        if (channel === null) {
          sendJson(response, 400, fail('BAD_REQUEST', 'Refused: the channel name in the address is not valid.'));
          return;
        }
        // Settings are read only for attachments: every other channel (answers: the hot path) keeps 1 MB.
        const maxEvidenceBytes = channel === 'evidence:attach' ? readSettings(services.ctx.db).maxEvidenceBytes : 0;
        const limit = bodyLimitFor(channel, maxEvidenceBytes);
        const declared = Number(request.headers['content-length'] ?? Number.NaN);
        if (declared > limit) {
          // Answered before reading; Node discards the rest of the upload.
          sendJson(response, 413, fail('BAD_REQUEST', tooLargeMessage(channel, declared, maxEvidenceBytes)));
          return;
        }
        let payload: unknown;
        try {
          payload = JSON.parse(await readBody(request, limit));
        } catch (error) {
          if (error instanceof BodyTooLargeError) {
            sendJson(response, 413, fail('BAD_REQUEST', tooLargeMessage(channel, null, maxEvidenceBytes)));
          } else {
            sendJson(response, 400, fail('BAD_REQUEST', 'The request body was not valid JSON.'));
          }
          return;
        }
        const envelope = await dispatch(channel, payload);
        sendJson(response, 200, envelope);
        if (envelope.ok && channel === 'responses:save') {
          emit('validation:changed', { validationId: (payload as { validationId: string }).validationId });
        }
        return;
      }
      if (url.pathname === '/api/events' && request.method === 'GET') {
        response.writeHead(200, {
          'content-type': 'text/event-stream',
          'cache-control': 'no-store',
          connection: 'keep-alive',
        });
        response.write(': connected\n\n');
        eventStreams.add(response);
        request.on('close', () => eventStreams.delete(response));
        return;
      }
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405).end();
        return;
      }
      const evidence = evidenceRequestFor(request.url ?? '/');
      if (evidence !== null) {
        const served = evidence === 'invalid' ? null : await openEvidenceRequest(dataDir, evidence);
        if (!served) {
          response.writeHead(404).end('Not found');
          return;
        }
        response.writeHead(200, evidenceResponseHeaders(served));
        if (request.method === 'HEAD') response.end();
        else createReadStream(served.path).pipe(response);
        return;
      }
      const file = url.pathname === SHIM_PATH ? shimFile : resolveStaticPath(url.pathname, rendererDir);
      if (!file) {
        response.writeHead(404).end('Not found');
        return;
      }
      let body: Buffer | string;
      try {
        body = await readFile(file);
      } catch {
        response.writeHead(404).end('Not found');
        return;
      }
      if (file.endsWith('index.html')) {
        // Install window.api before the app's module script runs.
        body = body.toString('utf8').replace('<head>', `<head>\n    <script src="${SHIM_PATH}"></script>`);
      }
      response.writeHead(200, {
        'content-type': contentTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      console.error('harness request failed', error);
      if (!response.headersSent) sendJson(response, 500, fail('INTERNAL', 'The harness failed to answer.'));
    }
  });

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  origin = `http://127.0.0.1:${actualPort}`;

  const close = async () => {
    sync.stop();
    for (const stream of eventStreams) stream.end();
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    await closeReportPrinter();
    services.close();
  };
  return { url: `${origin}/`, dataDir, close };
}

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  startHarness().then(
    (harness) => {
      console.log(`CTPAT Validator web harness: ${harness.url}`);
      console.log(`Data folder: ${harness.dataDir}`);
      const stop = () => void harness.close().then(() => process.exit(0));
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        console.error(error.message);
        process.exit(2);
      }
      // These messages already say what happened and what to do; a stack would bury them.
      if (error instanceof DatabaseTooNewError || error instanceof AppError) {
        console.error(startupError(error, systemLanguages(process.env)).content);
      } else console.error('The web harness could not start:', error);
      process.exit(1);
    },
  );
}
