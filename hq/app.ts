import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { UuidSchema } from '../shared/domain/primitives';
import { describeUnstorableText, findUnstorableText } from '../shared/domain/text';
import { type Message, message } from '../shared/messages';
import { EnrollRequestSchema, PushRequestSchema, UndoEnrolmentRequestSchema } from '../shared/sync/protocol';
import { PullQuerySchema } from '../shared/sync/pull-protocol';
import { analyticsRoutes } from './analytics-routes';
import { recordAuditHead } from './audit-heads';
import type { HqDb } from './db/types';
import { createEnrolmentGuard, type EnrolFailureLimits } from './enrol-rate-limit';
import { type EvidenceRoutesOptions, evidenceUploadRoutes } from './evidence-upload';
import { getValidationHistory } from './history';
import {
  authenticateToken,
  type Enrolment,
  EnrolmentCodeOfAnotherPerson,
  enrolDevice,
  type Principal,
  undoEnrolment,
} from './identity';
import { memberRecordRoutes } from './member-record-routes';
import { buildOpenApiDocument } from './openapi';
import { policyRoutes } from './policy-routes';
import { pullPage } from './pull';
import { pushChanges } from './push';
import { errorBody } from './refusal';
import { getValidationReceipt } from './validation-receipt';

export type BuildHqAppOptions = {
  db: HqDb;
  /** true: JSON lines on stdout (pino); false (default): silent, for tests; or a pino logger. */
  logger?: boolean | FastifyBaseLogger;
  /** Evidence files received over tus (uploads/ and files/<sha256>); absent: a temp dir removed on close. */
  evidenceDir?: string;
  /** Refused enrolment codes allowed per window before 429: per laptop (default 10 per 15 min) and per client
   * address (default 100 per 15 min). */
  enrolFailureLimits?: EnrolFailureLimits;
} & Pick<EvidenceRoutesOptions, 'unfinishedUploadExpiryMs' | 'uploadSweepIntervalMs' | 'onUploadSweep'>;

/** An error in HQ's words: by key (`told`) when the catalog writes them, beside the English. */
const sendError = (reply: FastifyReply, status: number, code: string, text: string | Message) =>
  reply.code(status).send(typeof text === 'string' ? { error: { code, message: text } } : errorBody(code, text));

function parseBody<T>(schema: z.ZodType<T>, request: FastifyRequest, reply: FastifyReply): T | undefined {
  const parsed = schema.safeParse(request.body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  void sendError(reply, 400, 'BAD_REQUEST', `${where}${issue?.message ?? 'Malformed request body'}`);
  return undefined;
}

/** The device behind the request's bearer token, or null: looked up on every call, so a revoked device is refused. */
function lookUpPrincipal(db: HqDb, request: FastifyRequest): Promise<Principal | null> {
  // The scheme's case does not matter (RFC 9110 §11.1): "bearer" from a proxy or a script names the same token.
  const match = /^bearer ([A-Za-z0-9_-]{16,200})$/i.exec(request.headers.authorization ?? '');
  return match?.[1] ? authenticateToken(db, match[1]) : Promise.resolve(null);
}

/** Answers 401 unless the request's token names an active device; `lookUp` is a lookup the request already began. */
async function requirePrincipal(
  db: HqDb,
  request: FastifyRequest,
  reply: FastifyReply,
  lookUp: Promise<Principal | null> = lookUpPrincipal(db, request),
): Promise<Principal | null> {
  const principal = await lookUp;
  if (!principal) {
    void sendError(reply, 401, 'UNAUTHORIZED', message('hqReason.tokenRefused'));
    return null;
  }
  request.log.debug(
    { deviceId: principal.deviceId, userId: principal.user.id, role: principal.user.role },
    'authenticated',
  );
  return principal;
}

export function buildHqApp(options: BuildHqAppOptions): FastifyInstance {
  const { db } = options;
  const loggerOption =
    options.logger === undefined || typeof options.logger === 'boolean'
      ? { logger: options.logger ?? false }
      : { loggerInstance: options.logger };
  const app = Fastify({ ...loggerOption, bodyLimit: 16 * 1024 * 1024 });
  const openApiDocument = buildOpenApiDocument();

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string }, request, reply) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, 500, 'INTERNAL', message('hqEvidence.tryLater'));
    }
    return sendError(reply, status, status === 400 ? 'BAD_REQUEST' : (error.code ?? 'REFUSED'), error.message);
  });
  app.setNotFoundHandler((request, reply) =>
    sendError(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url}`),
  );

  // Text PostgreSQL cannot hold (NUL, lone surrogates) is refused at the door with the field it is in, on
  // every route, so it never reaches SQL as a 500 nor sits at the head of a laptop's queue.
  app.addHook('preValidation', async (request, reply) => {
    for (const [where, value] of [
      ['', request.body],
      ['query.', request.query],
      ['params.', request.params],
    ] as const) {
      const found = findUnstorableText(value);
      if (found) return sendError(reply, 400, 'BAD_REQUEST', `${where}${describeUnstorableText(found)}`);
    }
  });

  app.get('/healthz', async () => {
    await db.query('SELECT 1');
    return { ok: true };
  });

  app.get('/openapi.json', async () => openApiDocument);

  const enrolFailures = createEnrolmentGuard(options.enrolFailureLimits);
  app.post('/v1/enroll', async (request, reply) => {
    const body = parseBody(EnrollRequestSchema, request, reply);
    if (!body) return reply;
    const attempt = { address: request.ip, installationId: body.installationId };
    const hold = enrolFailures.holdOf(attempt);
    if (hold) {
      const seconds = Math.ceil(hold.waitMs / 1000);
      request.log.warn(
        { ip: request.ip, installationId: body.installationId, scope: hold.scope, retryAfterSeconds: seconds },
        'enrolment refused: too many refused codes',
      );
      void reply.header('retry-after', String(seconds));
      const minutes = Math.ceil(seconds / 60);
      return sendError(
        reply,
        429,
        'TOO_MANY_REQUESTS',
        hold.scope === 'laptop'
          ? message('hqReason.tooManyCodesFromLaptop', { minutes })
          : message('hqReason.tooManyCodes', { minutes }),
      );
    }
    let enrolled: Enrolment | null;
    try {
      enrolled = await enrolDevice(db, body.code, body.deviceName, body.installationId, body.holdsWorkOf);
    } catch (error) {
      if (!(error instanceof EnrolmentCodeOfAnotherPerson)) throw error;
      // A good code, so no failure is counted; the laptop names the person in its own words.
      const told = message('hqReason.codeOfAnotherPerson', { name: error.codeOf.name });
      return reply.code(409).send({ ...errorBody('CONFLICT', told), codeOf: error.codeOf });
    }
    if (!enrolled) {
      enrolFailures.recordFailure(attempt);
      request.log.info(
        { ip: request.ip, installationId: body.installationId },
        'enrolment refused: code unknown, used or expired',
      );
      return sendError(reply, 401, 'UNAUTHORIZED', message('hqReason.codeRefused'));
    }
    request.log.info({ deviceId: enrolled.deviceId, userId: enrolled.user.id }, 'device enrolled');
    return enrolled;
  });

  app.post('/v1/enroll/undo', async (request, reply) => {
    const principal = await requirePrincipal(db, request, reply);
    if (!principal) return reply;
    const body = parseBody(UndoEnrolmentRequestSchema, request, reply);
    if (!body) return reply;
    const undone = await undoEnrolment(db, principal, body.code);
    if (!undone) return sendError(reply, 409, 'CONFLICT', message('hqReason.enrolmentNotUndoable'));
    request.log.info(
      { deviceId: principal.deviceId, userId: principal.user.id, restoredDevices: undone.restoredDevices },
      'enrolment undone by the laptop',
    );
    return { undone: true, restoredDevices: undone.restoredDevices };
  });

  // A push's token is looked up as the request arrives, so the lookup travels while its body is read and parsed.
  const pushPrincipals = new WeakMap<FastifyRequest, Promise<Principal | null>>();
  const lookUpOnArrival = async (request: FastifyRequest) => {
    const lookUp = lookUpPrincipal(db, request);
    lookUp.catch(() => {}); // awaited by the handler; a request refused before it must not leave it unhandled
    pushPrincipals.set(request, lookUp);
  };
  app.post('/v1/push', { onRequest: lookUpOnArrival }, async (request, reply) => {
    const principal = await requirePrincipal(db, request, reply, pushPrincipals.get(request));
    if (!principal) return reply;
    const body = parseBody(PushRequestSchema, request, reply);
    if (!body) return reply;
    const receipts = await pushChanges(db, principal, body.changes);
    const auditChain = body.auditChain && (await recordAuditHead(db, principal.deviceId, body.auditChain));
    if (auditChain?.state === 'broken') {
      request.log.warn({ deviceId: principal.deviceId, recorded: auditChain.recorded }, 'audit chain broken');
    }
    const tally: Record<string, number> = {};
    for (const r of receipts) tally[r.outcome] = (tally[r.outcome] ?? 0) + 1;
    request.log.info({ deviceId: principal.deviceId, changes: receipts.length, outcomes: tally }, 'push');
    const status = receipts.length === 1 && receipts[0]?.outcome === 'conflict' ? 409 : 200;
    return reply.code(status).send(auditChain ? { receipts, auditChain } : { receipts });
  });

  app.get('/v1/pull', async (request, reply) => {
    const principal = await requirePrincipal(db, request, reply);
    if (!principal) return reply;
    const query = PullQuerySchema.safeParse(request.query);
    if (!query.success) {
      const issue = query.error.issues[0];
      return sendError(reply, 400, 'BAD_REQUEST', `${issue?.path.join('.') || 'query'}: ${issue?.message}`);
    }
    const page = await pullPage(db, principal.user, query.data);
    if (page === 'bad_cursor') {
      return sendError(reply, 400, 'BAD_REQUEST', message('hqReason.badCursor'));
    }
    request.log.info(
      {
        deviceId: principal.deviceId,
        editions: page.catalogEditions.length,
        assignments: page.assignments.length,
        validations: page.validations.length,
        members: page.members.length,
        memberRecordEvents: page.memberRecordEvents.length,
      },
      'pull',
    );
    return page;
  });

  app.register(evidenceUploadRoutes, {
    db,
    evidenceDir: options.evidenceDir,
    requirePrincipal: (request, reply) => requirePrincipal(db, request, reply),
    unfinishedUploadExpiryMs: options.unfinishedUploadExpiryMs,
    uploadSweepIntervalMs: options.uploadSweepIntervalMs,
    onUploadSweep: options.onUploadSweep,
  });

  app.register(analyticsRoutes, { db, requirePrincipal: (request, reply) => requirePrincipal(db, request, reply) });

  app.register(policyRoutes, { db, requirePrincipal: (request, reply) => requirePrincipal(db, request, reply) });

  app.register(memberRecordRoutes, {
    db,
    requirePrincipal: (request, reply) => requirePrincipal(db, request, reply),
  });

  app.get<{ Params: { id: string } }>('/v1/validations/:id/receipt', async (request, reply) => {
    const principal = await requirePrincipal(db, request, reply);
    if (!principal) return reply;
    const id = UuidSchema.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'BAD_REQUEST', message('hqReason.validationIdUuid'));
    const receipt = await getValidationReceipt(db, principal.user, id.data);
    if (receipt === 'not_found') return sendError(reply, 404, 'NOT_FOUND', message('hqReason.noSuchValidation'));
    if (receipt === 'forbidden') return sendError(reply, 403, 'FORBIDDEN', message('hqReason.outsideScope'));
    return receipt;
  });

  app.get<{ Params: { id: string } }>('/v1/validations/:id/history', async (request, reply) => {
    const principal = await requirePrincipal(db, request, reply);
    if (!principal) return reply;
    const id = UuidSchema.safeParse(request.params.id);
    if (!id.success) return sendError(reply, 400, 'BAD_REQUEST', message('hqReason.validationIdUuid'));
    const history = await getValidationHistory(db, principal.user, id.data);
    if (history === 'not_found') return sendError(reply, 404, 'NOT_FOUND', message('hqReason.noSuchValidation'));
    if (history === 'forbidden') return sendError(reply, 403, 'FORBIDDEN', message('hqReason.outsideScope'));
    return history;
  });

  return app;
}
